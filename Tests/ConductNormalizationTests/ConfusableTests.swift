import Testing
@testable import ConductNormalization

/// Look-alike letters from other scripts fold to Latin inside words that are Latin or mixed,
/// and inside words wholly of Cyrillic or Greek look-alikes in a mostly Latin post.
@Suite struct ConfusableTests {
    static let folded: [(input: String, output: String)] = [
        ("\u{456}d\u{456}ot", "idiot"),                      // Cyrillic і
        ("you are \u{430}\u{455}\u{455}", "you are ass"),    // wholly Cyrillic in a Latin post
        ("\u{440}\u{430}ypal", "paypal"),                    // Cyrillic р а
        ("\u{412}I\u{422}CH", "bitch"),                      // Cyrillic В Т, upper case
        ("\u{3A1}ay\u{3A1}al", "paypal"),                    // Greek Ρ
        ("\u{455}\u{3BF}\u{455}", "sos"),                    // Cyrillic ѕ + Greek ο: mixed scripts
        ("ʜello", "ʜello"),                                  // small capital H has no skeleton of one letter
        ("\u{251}pple", "apple"),                            // Latin alpha
        ("\u{13AA}\u{13A2}", "\u{13AA}\u{13A2}"),            // wholly Cherokee: left alone
    ]

    @Test(arguments: folded)
    func folds(_ example: (input: String, output: String)) {
        #expect(normalized(example.input).string == example.output, "\(example.input)")
    }

    static let untouched: [String] = [
        "привет, как дела?",
        "это сор и мусор",
        "\u{441}\u{43E}\u{440}",     // "сор" alone: no Latin around it
        "αβγ",
        "καλημέρα κόσμε",
        "ok \u{436}\u{443}\u{43A}",  // "жук": not every letter is a look-alike
    ]

    @Test(arguments: untouched)
    func leavesOtherScriptsAlone(_ input: String) {
        let text = normalized(input)
        #expect(text.string == input.lowercased())
        #expect(!text.applied.contains(.foldConfusables))
    }

    @Test func exactMap() {
        let text = normalized("\u{456}d\u{456}ot")
        #expect(groups(text) == [Group("i", 0, 2), Group("d", 2, 3), Group("i", 3, 5), Group("o", 5, 6), Group("t", 6, 7)])
        #expect(text.applied == [.foldConfusables])
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.foldConfusables)
        #expect(normalized("\u{456}d\u{456}ot", options).string == "\u{456}d\u{456}ot")
    }

    /// Every generated entry agrees with the linked ICU: the key is its own NFKC_Casefold and
    /// its UTS #39 skeleton (or that of its upper or lower case) is the target letter.
    @Test func tableAgreesWithICU() {
        #expect(ConfusableTable.entries.count > 200)
        #expect(ConfusableTable.entries == ConfusableTable.entries.sorted())
        var disagreements: [String] = []
        for entry in ConfusableTable.entries {
            let key = String(Unicode.Scalar(entry >> 8)!)
            let target = String(Unicode.Scalar(UInt8(entry & 0xFF)))
            if ICUReference.nfkcCasefold(key) != key { disagreements.append("\(key): not case-folded") }
            let skeletons = [key, key.uppercased(), key.lowercased()].map { ICUReference.skeleton($0).lowercased() }
            if !skeletons.contains(target) {
                disagreements.append("U+\(String(entry >> 8, radix: 16)) → \(target), ICU skeletons \(skeletons)")
            }
        }
        #expect(disagreements.isEmpty)
    }

    @Test func tableWasGeneratedFromTheLinkedICU() {
        #expect(ConfusableTable.icuVersion == ICUReference.version)
    }
}
