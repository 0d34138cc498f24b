import type { ReactNode } from 'react'
import { useRouteLoaderData } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import learnerScriptHref from './learner-enhancements.js?url'

interface LearnPageProps {
	userId: string
	/** On a lesson page: the lesson, and the section the learner reached last time. */
	lesson?: { id: string; position: number }
	children: ReactNode
}

/**
 * The frame of every learner page: who is learning (so the offline queue keeps each person's work
 * apart on a shared phone), the session's CSRF token for the queue's sync, the status line of the
 * queue, and the enhancement script (deferred; the page works without it).
 */
export function LearnPage({ userId, lesson, children }: LearnPageProps) {
	const { t } = useTranslate()
	const root = useRouteLoaderData('root') as { csrfToken?: string } | undefined
	return (
		<div
			className="learn stack"
			data-learn=""
			data-user={userId}
			data-csrf={root?.csrfToken ?? ''}
			data-lesson={lesson?.id}
			data-position={lesson?.position}
		>
			<p
				className="notice"
				role="status"
				hidden
				data-queue-status=""
				data-msg-waiting={t('learn.queue.waiting')}
				data-msg-sent={t('learn.queue.sent')}
				data-msg-sign-in={t('learn.queue.signIn')}
			/>
			{children}
			<script src={learnerScriptHref} defer />
		</div>
	)
}

/** A decorative bar; the sentence next to it says the same in words. */
export function ProgressBar({ done, total }: { done: number; total: number }) {
	const percent = total > 0 ? Math.round((done / total) * 100) : 0
	return (
		<span className="learn-bar" aria-hidden="true">
			<span style={{ width: `${percent}%` }} />
		</span>
	)
}
