import ConductMatching

/// A rough estimate of how often an atom occurs in an ordinary post, used only to choose which
/// necessary condition of a pattern to check first and to be woken by: of "(is|are|was) *2
/// <insults>", the insults, not "is".
///
///     AtomFrequency.estimate(.word(Array("the".utf8), .whole))     // 0.5
///     AtomFrequency.estimate(.word(Array("idiot".utf8), .whole))   // 0.002
///
/// The figures are orders of magnitude, not measurements: the commonest English and Dutch
/// function words and verbs are frequent, other words rarer the longer they are, a wildcard
/// more frequent than the word it starts from, and detectors by how common their matches are
/// in chat (numbers everywhere, IBANs almost never). A wrong estimate costs speed, never a
/// verdict: every clause a program may be filtered on is a true necessary condition.
///
/// Cost: a hash lookup.
enum AtomFrequency {
    static func estimate(_ kind: AtomKind) -> Double {
        switch kind {
        case .detector(let detector):
            switch detector {
            case .number: return 0.3
            case .money, .url: return 0.05
            case .handle: return 0.03
            case .phone, .email: return 0.01
            case .address, .postcode: return 0.005
            case .iban, .bsn, .card, .ssn: return 0.002
            }
        case .word(let bytes, let anchoring):
            var estimate: Double
            if anchoring == .whole, let common = commonWords[bytes] {
                estimate = common
            } else {
                switch bytes.count {
                case 0...2: estimate = 0.05
                case 3: estimate = 0.02
                case 4: estimate = 0.008
                case 5: estimate = 0.004
                default: estimate = 0.002
                }
            }
            switch anchoring {
            case .whole: break
            case .prefix, .suffix: estimate = min(1, estimate * 3)
            case .infix: estimate = min(1, estimate * 10)
            }
            return estimate
        }
    }

    /// The commonest words of English and Dutch chat, with their rough share of posts.
    static let commonWords: [[UInt8]: Double] = {
        var table: [[UInt8]: Double] = [:]
        for (share, words) in [
            (0.5, "the a i to and you is it of in that de het een en ik je is dat van in niet"),
            (0.2, """
                for on this be are was with have not my me we at but so they he she if or can do \
                just what all your like get no will as from there about an one by out up how \
                op te voor met zijn maar die ook als er wat dan nog wel naar om bij aan heb jij \
                we hij ze zij mijn kan was hebben of uit door over geen u jullie ons hun dit deze
                """),
            (0.1, """
                has had were been would could should know think people good time its it's i'm \
                don't dont im thats that's them their his her our us who when why which more \
                some any here now then than also very really much only even make go see want \
                need new because well back still way first after into over too am did does got \
                let's lets say said take come thing things someone anyone everyone him his \
                worden wordt werd moet moeten kunnen zou zal gaat gaan doen weet denk mensen \
                goed tijd nu toen al hier daar zo heel veel meer alleen even maken zien willen \
                nodig nieuw omdat terug nog steeds eerst na tegen zonder iets niets iemand \
                iedereen hem haar hen zich waar wie waarom wanneer hoe welke ja nee
                """),
        ] {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                table[Array(word.utf8)] = max(table[Array(word.utf8)] ?? 0, share)
            }
        }
        return table
    }()
}
