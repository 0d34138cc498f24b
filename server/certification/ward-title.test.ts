import { expect, test } from 'vitest'
import { wardTitle } from './ward-title.ts'

test('the kind is put in front of a ward name only when it is not there yet', () => {
	expect(wardTitle('ward', 'Hoàng Văn Thụ')).toBe('Phường Hoàng Văn Thụ')
	expect(wardTitle('ward', 'Phường Sông Công')).toBe('Phường Sông Công')
	expect(wardTitle('commune', 'xã Tân Quang')).toBe('xã Tân Quang')
	expect(wardTitle('commune', 'Tân Quang')).toBe('Xã Tân Quang')
	// A name that merely begins with the same letters is not mistaken for the kind.
	expect(wardTitle('ward', 'Phườngxa')).toBe('Phường Phườngxa')
})
