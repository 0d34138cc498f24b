import type { AssistantKind, QuestionOutcome } from '#server/assistant/schema.ts'

/** A citation: a procedure (id = ma_thu_tuc, url = its page on the national portal), a ward document or a lesson. */
export interface AssistantSource {
	id: string
	title: string
	url: string | null
	kind: 'procedure' | 'document' | 'lesson'
}

/** "Có phải bạn muốn hỏi…": another item, and the question that asks about it. */
export interface Alternative {
	id: string
	title: string
	question: string
}

/** The structured answer about one procedure; every value is quoted from the record. */
export interface ProcedureCard {
	code: string
	name: string
	field: string
	levels: string
	handledAtWard: boolean
	applicants: string
	documents: { name: string; quantity: string | null; group: string | null }[]
	/** Papers not shown in the short answer (the full list is on the procedure page and the portal). */
	moreDocuments: number
	steps: string[]
	moreSteps: number
	/** Time limit and fee per group of channels that share them. */
	terms: {
		channels: string[]
		timeLimit: string | null
		fee: string | null
		feeNote: string | null
		feeUnclear: boolean
	}[]
	online: boolean
	executingAgency: string
	receivingAddress: string
	results: string[]
	conditions: string
	localNote: string
	sourceUrl: string
	/** How to follow a dossier on the national portal, quoted from a lesson. */
	tracking: { steps: string[]; lessonId: string; lessonTitle: string } | null
	/** What the question asked first (the answer puts it first). */
	focus: AnswerFocus[]
}

export type AnswerFocus = 'fee' | 'time' | 'documents' | 'place' | 'online' | 'tracking'

/** A lesson passage the learning assistant quotes. */
export interface LessonPassage {
	lessonId: string
	lessonTitle: string
	courseTitle: string
	heading: string | null
	text: string
}

export interface AssistantAnswer {
	kind: AssistantKind
	outcome: QuestionOutcome
	/** The answer as plain Vietnamese text (what the API returns and read-aloud speaks). */
	answer: string
	sources: AssistantSource[]
	alternatives: Alternative[]
	/** Questions worth asking next. */
	followUps: string[]
	card: ProcedureCard | null
	passages: LessonPassage[]
	/** Lessons to learn next (learning assistant). */
	nextLessons: { id: string; title: string; courseTitle: string; reason: string }[]
	/** How to reach the ward (shown when nothing fits, or the answer is uncertain). */
	contact: string | null
	/** How the question was understood: folded words after repairs, and repairs made. */
	understood: { words: string[]; corrections: { from: string; to: string }[]; synonyms: string[] }
	/** Personal data removed from the question before it was processed further. */
	redacted: string[]
	/** A language model rephrased `answer` from the sources; false: the grounded answer as composed. */
	usedModel: boolean
	/** Why the grounded answer stands although a model is configured. */
	modelFallback: string | null
}
