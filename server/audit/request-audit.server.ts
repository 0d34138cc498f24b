import type { AppLoadContext } from 'react-router'
import type { AuditActor } from '#server/audit/record-audit.server.ts'

interface Actor {
	id: string
	wardId: string
	username: string | null
}

/** Who, from where and in which request: the part of an audit entry every route knows. */
export function requestAudit(
	context: AppLoadContext,
	user: Actor | null,
): { actor: AuditActor; ip: string | null; requestId: string } {
	return {
		actor: { userId: user?.id ?? null, label: user?.username ?? null, wardId: user?.wardId ?? null },
		ip: context.clientIp,
		requestId: context.requestId,
	}
}
