import { Link } from 'react-router'
import { type RoleLine, RoleList } from '#app/components/role-list.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

export interface RoleHomeData {
	displayName: string
	roles: RoleLine[]
	cards: { id: string; titleKey: MessageKey; bodyKey: MessageKey; to: string | null }[]
}

/** The signed-in home page: who you are here and what you can do next — no invented numbers. */
export function RoleHome({ me }: { me: RoleHomeData }) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<section aria-labelledby="greeting-title" className="hero">
				<h1 id="greeting-title">{t('roleHome.greeting', { name: me.displayName })}</h1>
				<h2 className="visually-hidden">{t('roleHome.yourRoles')}</h2>
				<RoleList roles={me.roles} />
			</section>
			<section aria-labelledby="next-title">
				<h2 id="next-title">{t('roleHome.nextTitle')}</h2>
				<ul className="card-grid">
					{me.cards.map((card) => (
						<li key={card.id} className="card" data-card={card.id}>
							<h3>
								{card.to ? (
									<Link to={card.to} reloadDocument>
										{t(card.titleKey)}
									</Link>
								) : (
									t(card.titleKey)
								)}
							</h3>
							<p>{t(card.bodyKey)}</p>
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}
