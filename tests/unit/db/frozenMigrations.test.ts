import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrationChecksum } from '../../../src-main/db/checksum'
import { allMigrations } from '../../../src-main/db/migrations'

/**
 * The checksum of every released step: as release 0.1.0 shipped it (1-14), and as this version
 * ships the later ones. Shops' databases recorded these: a step that no longer matches would
 * refuse to start there, so it fails here first. A new step appends its checksum; never edit a line.
 */
const RELEASED_CHECKSUMS: Record<number, string> = {
  1: '0a002bd49c527bde248408df34d51aadefe8bf3a7853c0bf7f9e9a051ccab398',
  2: '0235dd0601a39dc1ac3d3c8db515aab1f30f8c14624f8ddddbc3d02a0a2b014a',
  3: 'a8ff84bd5625101de0369bbb088a9edff519be3c1a0f41176ef43dffeba28ec2',
  4: 'bb68467862f146fc29590a9f3aac732bf7500762b6aa5c3d9b7a64c0254984dd',
  5: '1690fedd282f31fa0b2efd59be45c9499c30e6ff62d7d47ab4489185f2378d2b',
  6: '2d835139f8b37d52c70cd8cea2a04756cf367665878a230116300514646e663f',
  7: 'fc0009cb2e53e03ca7d2159cb10731b1a18785f45022af366ee7fb9c9d81495e',
  8: '02577077b2607166c55d04b02543a2dcccb62e644ddc94239559a2790b9f8f0b',
  9: 'a3cd64d8ce465436405b499f248784483b46c17d8252247cf606fbb49ee24be1',
  10: '531b4ff2990882134dd3121afc04bd5c0be19691a3666012b377bf486d6d3b23',
  11: '1383e1f1b60117e871e2aca6a4c40c9bb6772335a886d202c757f63dee92f149',
  12: '29fe5a64cfc77693b9ed4c995a5823e1c88aa49e17574e5b675ed6a1ccfec462',
  13: '9f47adf851bccc7dda408cfdb06bf40d284b21939215c59299032539b81ed0fd',
  14: '79637c5060cae64ffd6a0837fdeabe722231821df2644bfad4a87ca56a9fd43d',
  // The steps since 0.1.0, as this version ships them. Several are written out by builders other
  // steps share (reports/summaries: migrations 38, 41 and 42), so an edit to one builder would
  // change steps it does not name; pinned here, it fails at once.
  15: 'bb64ff55d536f84f35bc1c815e07e31a2d23674cad7d311fb790564a3915402a',
  16: '2a59d9a4c5913057442c0b945b401f050c2b3f4502712d885f324d969b6624d6',
  17: '6c8a5257475b38bc5c610ef2389d5d9dd2a6e57f670c2d4608543fd50519d206',
  18: 'afcbbca41c823598d16048ac06ff55a900475f2c33e74fb5017af43f2fa7a304',
  19: '845a2486b0115c1758a3b14b3b70142500f8fc593e42b9523a91b739b7a17275',
  20: 'e12e69cb9dea38154daa89739bf275e31a1542c561ca22e6d71234ff7b062742',
  21: '8e9ab9dbcae3ce1f2f7c110fbbfda5b053bc66518e77292c8ee290a52d995d2f',
  22: 'a22782c34e843dc0366fc4f94f373bd744330e680c125c1ae0b91dd423c54577',
  23: '1459a0c1d346c8d99637fd33dabde310e57b16ace8fef2969f468af098f7d5ca',
  24: '437dec7640400cb6994806b2f4c98fc83624e1feffe11311ec56b1add89de072',
  25: '3a8645677d31f25e678d103a6aaa6d309de6fb68030ac12c35c211daf2b5e90c',
  26: '32f466735aa4fa33f3375e7d631b3e2df9ec32d78219ce24b33b271d35cb6982',
  27: '2b7e79b4ef62d7a368e34c987d63b51f00f77ccf08cd368e0e65848a539934bd',
  28: '43b68bd5753239dbbfb6737b2b83ca01ff68ce17a4aea931663a16b0abb977bd',
  29: '9956ff26eda8a4ca6ee06c0f14f2c236919644749c21b3730dc9ff7a7a6f83bd',
  30: '53d91e1fc543f58582ea84bdce2a67aa3e00f2ec815f912fd1d4836d219f62e5',
  31: '825f833c49c62cd72c4b2013a7b27d17e3045a562b72c94c398fd8f1d1715cfb',
  32: '59780be00a80252e5fcae3351e8b6b4cd5f896257a0686e67d51828a3145890c',
  33: '37bf01e65dd785e08b6ef3a03f2e60cad92ec12d2cb8b4c31db8758784996401',
  34: '72a5e76a0bc37a1092760f50787c11d085bc6c0203833befa77a8427bea9d811',
  35: 'ae066f99968e76afbea45d480bd958ab0150b615ffc298ca44c17452d6254d24',
  36: '43ef88375d0e760912a577ad046d1d7084c33283a41da64225e455a183b6a67a',
  37: '092433fef97953ed3b215f699a1375b414d85199c29f8e14c787b1879cbb30da',
  38: 'e5f21b91bfac902e9afd0aecab8e5f1e03251590e0bbc2974fbe5da00992f3c8',
  39: 'b47fa7e6d1689b80e3ea81f023760f0a2fd3ed5c9916d2389a719537b8b44c77',
  40: 'e4778a4af55809b512265eb3f7ca8fb2ab0fa7d47146be8442e6dfe987c5d47a',
  41: 'eba91d58712025f648f7c20a08b946b245dcdcfa57f2b1ef2d0bf552f4db835c',
  42: 'c934d1125c0731c1a2c28b387c993e21e51c808e48d1c8ba0e3ab874dc75b8f0',
  43: 'f6e48f476a421feb365de1efa94f802875eb1db7b9036e1d0ee0cef8bc2311ca',
  44: 'e0ea115f167564968f3f2027bcfb0ba1250b3ac0756044deae5e08eef1920e44',
  45: '4d873b4d74ac9c6fd52cd2bcb8b2e40fd5c0b53c383c4ad995f750a16c2dc11d',
  46: '1d2bda1348e97eb2ca0bb4bee2eced18002dc481b0101aca44e9081c322afae2',
  47: 'c7b3888904561f1eb5371c23fc3f347fea766c0cfad6616643c4cda4d83b1d75',
  48: '769ae884f2945a42d51fb6d1f06da9d213114bae0fe91bc6b29e12368e21daac',
  49: '85ccafa15f277cb432c4b936c0cabb8d030fc19ae17c657b4ac89207d46db26f',
  50: '408cf7ed5153242fe9c7030c07e8b8e0ab82cea301ba85edfdf2c4f125608be1',
  51: '79958ae823a0dc4e10acbfbc166c1198670c6d89512a72924147692cd9040313',
  52: 'ba4ac56fbbd0062b7ab15bbe6cb958868c89ba9291fbd396d987d6a068b9b36e',
  53: 'd1b73e32606e48ed1e939f285311275b89c27ffaea1a576e2e71ce856337733a',
  54: '0888f9b80bd2ec91111db4f53a28975c68bdf51dbe93b800dceb19b3d080395c',
  55: '1ace8a36248e561317e81af104f34a9e50bbc2cd03d1893750526b6fb5dffa7d',
  56: '0515a2c5b4627279c8e5519f3363c1fe9a3edc85cd2fee8c12263f26433c5226',
  57: '14336e949166eda2ea73e9836742c1e3feb4ef2fbf276dd0a370ba890d8d66ec',
  58: '665354bbefb5f50f05d8ed8af3c2d43a1158144703249d100426a0dc59cc1239',
  59: '67de7733659de6722e1cb34672097683854efa0dcdf4bacb500de3e21ebf741e',
  60: '3b215c169f3511f7eeea2f3751090bd13d0fd229c32a81eb863f73f1a6ccee0d',
  61: 'a45f0c19d4b64a49629e3a1505d8eba69fb5570e24d602eeea0324e72067ac17',
  62: '044655b1d552511e4a350014d6efa7d61d4b034d36a8097e411cf409b443ce72',
  63: '0712b5d2d7c7e7667ad5b19834c4677c7428e981004533c025e0e5e24287c7d5',
  64: 'c6eb4b4384b3fc1caa32ac6595d3600d739f908e31de49c339d9d6e146c2ca1c',
  65: '6d88f291baa6fbef3d1723088652634c8d915aa33de906c3894ce4466e9bf403',
  66: '94927f8a53f45944275a325201a5aaf88d5f7fdafe2d295c14eeebd58b87b2f2',
  67: '5b7c85f40935d18987f6e860e3bddd1f623f986192fe909ff396edea59652d89',
  68: '17f8256053bcc3a85d66b9217c2c9aa2222410a5bb09411a4963473261bc75c8',
  69: 'd67c1119676fc22482a88b90918d83c467af686346c5fa32b4ae053e61f0b646',
  70: 'f3e920b76bc543e332560e9ab7954586bcf0e38ce976e88b9299904fb3ba4e0b',
  71: 'dd92c547392bfcafbc320dbe035fe30a196d8fda2fd28d70e5cdd6368a5067d7',
  72: 'c5280736dc7d91d46cfaa0dd8785b421c3f62f7d4adf885c9d7698a025f4d3d7',
  73: '24bab7f747e04a45bc55dbbbc00d9791c15713263f39e273b8069c54014ce208',
  74: 'cf5ed4b0a8a4fa98bcbf536f3730e1e33c729af0374568482496ae86c28843e1'
}

const FEATURES = join(__dirname, '..', '..', '..', 'src-main', 'features')

const MIGRATION_TYPE = /^import type \{ Migration \} from '(\.\.\/)+db\/migration'$/

function migrationFiles(): string[] {
  return readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.endsWith('migrations.ts'))
    .map((path) => join(FEATURES, path))
}

describe('the migration list', () => {
  it('runs versions 1..n down the list, strictly increasing without gaps', () => {
    expect(allMigrations.map((m) => m.version)).toEqual(allMigrations.map((_, index) => index + 1))
  })

  it('still holds every released step exactly as it shipped', () => {
    for (const [version, checksum] of Object.entries(RELEASED_CHECKSUMS)) {
      const migration = allMigrations[Number(version) - 1]!
      expect({ version: migration.version, checksum: migrationChecksum(migration) }).toEqual({
        version: Number(version),
        checksum
      })
    }
  })

  it('takes every step from the features, each used once', () => {
    expect(new Set(allMigrations).size).toBe(allMigrations.length)
    expect(new Set(allMigrations.map((m) => m.name)).size).toBe(allMigrations.length)
  })

  it('has no step that reads live code: a migration file imports nothing but the Migration type', () => {
    const files = migrationFiles()
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      const imports = readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => /^\s*(import|export .* from)\b/.test(line))
      for (const line of imports) expect({ file, line }).toEqual({ file, line: expect.stringMatching(MIGRATION_TYPE) })
    }
  })
})
