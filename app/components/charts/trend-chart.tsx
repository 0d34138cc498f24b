import { useId } from 'react'

export interface TrendDatum {
	/** Short label under the column, e.g. "T6". */
	label: string
	value: number | null
	/** Drawn lighter: the month in progress (not yet closed). */
	live?: boolean
}

/**
 * A month-by-month column chart as server-rendered SVG, with the target as a dashed line. As with the
 * bar chart, the data table beside it carries the numbers for assistive technology.
 */
export function TrendChart({
	data,
	max,
	target,
	title,
	summary,
}: {
	data: TrendDatum[]
	max: number
	target?: number
	title: string
	summary: string
}) {
	const id = useId()
	const width = 320
	const height = 140
	const top = 8
	const bottom = 20
	const left = 28
	const plot = height - top - bottom
	const column = (width - left) / Math.max(1, data.length)
	const y = (v: number) => top + plot - (plot * Math.min(v, max)) / (max || 1)
	return (
		<svg
			className="chart"
			viewBox={`0 0 ${width} ${height}`}
			role="img"
			aria-labelledby={`${id}-t ${id}-d`}
			width="100%"
			preserveAspectRatio="xMinYMin meet"
		>
			<title id={`${id}-t`}>{title}</title>
			<desc id={`${id}-d`}>{summary}</desc>
			<line x1={left} x2={width} y1={y(0)} y2={y(0)} stroke="currentColor" strokeWidth={1} />
			<text x={left - 4} y={y(max) + 4} textAnchor="end" fontSize="10" fill="currentColor">
				{max}
			</text>
			<text x={left - 4} y={y(0)} textAnchor="end" fontSize="10" fill="currentColor">
				0
			</text>
			{data.map((d, i) => {
				const x = left + i * column + column * 0.15
				const h = d.value === null ? 0 : y(0) - y(d.value)
				return (
					<g key={d.label}>
						<rect x={x} y={y(0) - h} width={column * 0.7} height={h} fill={d.live ? '#6b8fc2' : '#0b4f9c'} />
						<text x={x + column * 0.35} y={height - 6} textAnchor="middle" fontSize="10" fill="currentColor">
							{d.label}
						</text>
					</g>
				)
			})}
			{target !== undefined ? (
				<line
					x1={left}
					x2={width}
					y1={y(target)}
					y2={y(target)}
					stroke="#9b1c1c"
					strokeWidth={1.5}
					strokeDasharray="4 3"
				/>
			) : null}
		</svg>
	)
}
