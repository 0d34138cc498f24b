import type { ReactNode } from 'react'
import { useRouteLoaderData } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import outreachScriptHref from './outreach-enhancements.js?url'

/**
 * The frame of every volunteer page: who is working (the offline queue keeps each person's visits
 * apart on a shared phone), the session's CSRF token for the sync, the "waiting to be sent" and
 * "could not be recorded" boxes the script fills from IndexedDB, and the script (deferred).
 */
export function OutreachPage({ userId, children }: { userId: string; children: ReactNode }) {
	const { t } = useTranslate()
	const root = useRouteLoaderData('root') as { csrfToken?: string } | undefined
	return (
		<div className="outreach stack" data-outreach="" data-user={userId} data-csrf={root?.csrfToken ?? ''}>
			<p className="notice" role="status" hidden data-offline-banner="">
				{t('outreach.queue.offline')}
			</p>
			<p className="muted" hidden data-kept-status="" data-msg={t('outreach.queue.kept')} />
			<p
				className="notice"
				role="status"
				hidden
				data-sync-status=""
				data-msg-sent={t('outreach.queue.sent')}
				data-msg-sign-in={t('outreach.queue.signIn')}
			/>
			<section
				className="outreach-queue"
				aria-labelledby="queue-title"
				hidden
				data-queue=""
				data-msg-waiting={t('outreach.queue.waiting')}
				data-msg-item={t('outreach.queue.item')}
			>
				<h2 id="queue-title">{t('outreach.queue.waitingTitle')}</h2>
				<p role="status" data-queue-summary="" />
				<ul data-queue-list="" />
			</section>
			<section
				className="outreach-queue"
				aria-labelledby="rejected-title"
				hidden
				data-rejected=""
				data-msg-item={t('outreach.queue.item')}
				data-msg-dismiss={t('outreach.queue.dismiss')}
			>
				<h2 id="rejected-title">{t('outreach.queue.rejectedTitle')}</h2>
				<ul data-rejected-list="" />
			</section>
			{children}
			<script src={outreachScriptHref} defer />
		</div>
	)
}
