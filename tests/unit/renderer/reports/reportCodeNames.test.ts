// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { REPORT_CODE_SETS } from '../../../../src-shared/contract/reports'
import { CODE_SET_KEYS, CODES } from '../../../../src-renderer/features/reports/reportText'
import { loadRendererMessages } from '../../rendererMessages'

const renderer = await loadRendererMessages()

describe("the reports' coded values", () => {
  it('have a name in every language, so a report never shows a raw code', () => {
    const missing = REPORT_CODE_SETS.flatMap((codeSet) =>
      CODES[codeSet].flatMap((code) =>
        renderer.LOCALES.filter((locale) => !renderer.i18n.global.te(`${CODE_SET_KEYS[codeSet]}.${code}`, locale)).map(
          (locale) => `${locale}: ${codeSet}.${code}`
        )
      )
    )
    expect(missing).toEqual([])
  })

  // The claims list names a status for who carries the claim (HQ: 待上传; the shop itself:
  // 待向品牌申报); a report does not know which, so it uses the one set of words true for both.
  it("name a claim's status in the claims' words that hold whether HQ carries them or the shop files them", () => {
    expect(CODE_SET_KEYS.claimStatus).toBe('claims.reportStatus')
  })
})
