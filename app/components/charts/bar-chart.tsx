import { useId } from 'react'

export interface BarDatum {
	label: string
	/** 0–100 for shares; any non-negative number for counts. */
	value: number | null
	/** What a screen reader and a hover read for the bar, e.g. "45,2% (120/265)". */
	text: string
}

/**
 * Horizontal bars drawn on the server as SVG (no chart library, nothing to download or run): one row
 * per item, a dashed line at the target. The SVG is an image with a text summary; the caller puts the
 * data table beside it, which is what assistive technology reads.
 */
export function BarChart({
	data,
	max,
	target,
	title,
	summary,
}: {
	data: BarDatum[]
	max: number
	target?: number
	title: string
	summary: string
}) {
	const id = useId()
	const width = 320
	const labelWidth = 128
	const row = 22
	const height = Math.max(row, data.length * row) + 18
	const scale = (v: number) => ((width - labelWidth - 48) * Math.min(v, max)) / (max || 1)
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
			{data.map((d, i) => (
				<g key={d.label} transform={`translate(0 ${i * row})`}>
					<text x={labelWidth - 4} y={15} textAnchor="end" fontSize="11" fill="currentColor">
						{d.label.length > 18 ? `${d.label.slice(0, 17)}…` : d.label}
					</text>
					<rect
						x={labelWidth}
						y={4}
						width={d.value === null ? 0 : scale(d.value)}
						height={14}
						fill="#0b4f9c"
					/>
					<text
						x={labelWidth + (d.value === null ? 0 : scale(d.value)) + 4}
						y={15}
						fontSize="11"
						fill="currentColor"
					>
						{d.text}
					</text>
				</g>
			))}
			{target !== undefined ? (
				<line
					x1={labelWidth + scale(target)}
					x2={labelWidth + scale(target)}
					y1={0}
					y2={height - 14}
					stroke="#9b1c1c"
					strokeWidth={1.5}
					strokeDasharray="4 3"
				/>
			) : null}
		</svg>
	)
}
