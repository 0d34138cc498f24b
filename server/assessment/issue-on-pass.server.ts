import { issueCertificate } from '#server/certification/issue-certificate.server.ts'
import type { IssueOnPass } from './attempts.server.ts'
import type { IssueOralCertificate } from './oral-assessment.server.ts'

/*
 * The bridge to certification (server/certification, issue 6 item 6): a passed final assessment, or an oral
 * assessment recorded as passed for a track, issues the resident's certificate in the same transaction.
 * A learner not linked to a resident of the ward cannot hold one: the result page says so.
 */

export function issueOnFinalPass(actor: { userId: string; label: string | null }): IssueOnPass {
	return async (tx, { learner, trackId, attemptId }) => {
		if (!learner.residentId) return { issued: false, reason: 'noResident' }
		const certificate = await issueCertificate(tx, {
			wardId: learner.wardId,
			residentId: learner.residentId,
			trackId,
			basis: 'final_assessment',
			sourceId: attemptId,
			issuedByUserId: actor.userId,
			actorLabel: actor.label,
		})
		return { issued: true, code: certificate.code }
	}
}

export const issueOnOralPass: IssueOralCertificate = async (tx, input) => {
	const certificate = await issueCertificate(tx, { ...input, basis: 'oral_assessment' })
	return { code: certificate.code, created: certificate.created }
}
