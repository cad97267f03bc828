import Testing
@testable import ConductNormalization

/// Leet folds inside words and never inside numbers, codes, ordinals, amounts, handles or
/// addresses.
@Suite struct LeetTests {
    static let folded: [(input: String, output: String)] = [
        ("h3ll0", "hello"), ("1d10t", "idiot"), ("1diot", "idiot"), ("sh1t", "shit"), ("5h1t", "shit"),
        ("n00b", "noob"), ("l33t", "leet"), ("h4x0r", "haxor"), ("7h3", "the"), ("4ss", "ass"),
        ("he11o", "hello"), ("b!tch", "bitch"), ("sh!t", "shit"), ("a$$", "ass"), ("$hit", "shit"),
        ("b@stard", "bastard"), ("micro$oft", "microsoft"), ("1dio07", "idioot"), ("SH1T", "shit"),
    ]

    @Test(arguments: folded)
    func folds(_ example: (input: String, output: String)) {
        let text = normalized(example.input)
        #expect(text.string == example.output, "\(example.input)")
        #expect(text.applied.contains(.foldLeet), "\(example.input)")
    }

    static let kept: [String] = [
        "0612345678", "+31 6 12345678", "20%", "€15", "$20", "us$5", "3.50", "12:30", "2024-01-05", "05/01/2024",
        "save20", "ab12", "a55", "mp3", "v1.0", "covid19", "b2b", "gr8", "x100", "0x7f",
        "nl91abna0417164300", "1234ab", "20th", "10am", "1st", "3rd", "4th", "5th", "1e", "3de", "5ste",
        "3d", "4u", "5kg", "7pm", "5km", "1hr",
        "@name", "@ss", "@h3ll0", "jan4@x.nl", "m0ney.com", "https://b1t.ly/x0", "www.m0ney.nl",
        "hi!", "wow!!!", "great!thanks", "me@", "$$$",
    ]

    @Test(arguments: kept)
    func keeps(_ input: String) {
        let text = normalized(input)
        #expect(text.string == input, "\(input)")
        #expect(!text.applied.contains(.foldLeet), "\(input)")
    }

    @Test func exactMapIsByteForByte() {
        let text = normalized("a h3ll0")
        #expect(groups(text) == [Group("a", 0, 1), Group(" ", 1, 2), Group("h", 2, 3), Group("e", 3, 4),
                                 Group("l", 4, 5), Group("l", 5, 6), Group("o", 6, 7)])
    }

    @Test func keptWhenTheStepIsOff() {
        var options = NormalizationOptions.default
        options.remove(.foldLeet)
        #expect(normalized("h3ll0 1d10t", options).string == "h3ll0 1d10t")
    }

    @Test func foldsBesideNumbersInTheSamePost() {
        #expect(normalized("Call 0612345678, you 1d10t, SAVE20 today").string == "call 0612345678, you idiot, save20 today")
    }
}
