import Testing
@_spi(AutomatonInternals) @testable import ConductMatching

/// One search: literals (pattern ID = index), a haystack, and every expected match as
/// `(pattern, start, end)` in the automaton's order: by end offset, then pattern ID.
struct SearchTest: Sendable, CustomTestStringConvertible {
    let name: String
    let literals: [[UInt8]]
    let haystack: [UInt8]
    let expected: [Match]

    init(_ name: String, _ literals: [String], _ haystack: String, _ expected: [(Int, Int, Int)]) {
        self.init(name, literals.map { Array($0.utf8) }, Array(haystack.utf8), expected)
    }

    init(_ name: String, _ literals: [[UInt8]], _ haystack: [UInt8], _ expected: [(Int, Int, Int)]) {
        self.name = name
        self.literals = literals
        self.haystack = haystack
        self.expected = expected.map { Match(pattern: PatternID(Int32($0.0)), span: Span(start: $0.1, end: $0.2)) }
    }

    var testDescription: String { name }
}

/// Single and multiple literals, no overlap subtleties (after aho-corasick's BASICS).
let basicTests: [SearchTest] = [
    SearchTest("basic000", [], "", []),
    SearchTest("basic005", [], "abc", []),
    SearchTest("basic010", ["a"], "", []),
    SearchTest("basic020", ["a"], "a", [(0, 0, 1)]),
    SearchTest("basic030", ["a"], "aa", [(0, 0, 1), (0, 1, 2)]),
    SearchTest("basic040", ["a"], "aaa", [(0, 0, 1), (0, 1, 2), (0, 2, 3)]),
    SearchTest("basic050", ["a"], "aba", [(0, 0, 1), (0, 2, 3)]),
    SearchTest("basic060", ["a"], "bba", [(0, 2, 3)]),
    SearchTest("basic070", ["a"], "bbb", []),
    SearchTest("basic080", ["a"], "bababbbba", [(0, 1, 2), (0, 3, 4), (0, 8, 9)]),
    SearchTest("basic100", ["aa"], "", []),
    SearchTest("basic110", ["aa"], "aa", [(0, 0, 2)]),
    SearchTest("basic120", ["aa"], "aabbaa", [(0, 0, 2), (0, 4, 6)]),
    SearchTest("basic130", ["aa"], "abbab", []),
    SearchTest("basic140", ["aa"], "abbabaa", [(0, 5, 7)]),
    SearchTest("basic150", ["aa"], "aaa", [(0, 0, 2), (0, 1, 3)]),
    SearchTest("basic200", ["abc"], "abc", [(0, 0, 3)]),
    SearchTest("basic210", ["abc"], "zazabzabcz", [(0, 6, 9)]),
    SearchTest("basic220", ["abc"], "zazabczabcz", [(0, 3, 6), (0, 7, 10)]),
    SearchTest("basic300", ["a", "b"], "", []),
    SearchTest("basic310", ["a", "b"], "z", []),
    SearchTest("basic320", ["a", "b"], "b", [(1, 0, 1)]),
    SearchTest("basic330", ["a", "b"], "a", [(0, 0, 1)]),
    SearchTest("basic340", ["a", "b"], "abba", [(0, 0, 1), (1, 1, 2), (1, 2, 3), (0, 3, 4)]),
    SearchTest("basic350", ["b", "a"], "abba", [(1, 0, 1), (0, 1, 2), (0, 2, 3), (1, 3, 4)]),
    SearchTest("basic360", ["abc", "bc"], "xbc", [(1, 1, 3)]),
    SearchTest("basic400", ["foo", "bar"], "", []),
    SearchTest("basic410", ["foo", "bar"], "foobar", [(0, 0, 3), (1, 3, 6)]),
    SearchTest("basic420", ["foo", "bar"], "barfoo", [(1, 0, 3), (0, 3, 6)]),
    SearchTest("basic430", ["foo", "bar"], "foofoo", [(0, 0, 3), (0, 3, 6)]),
    SearchTest("basic440", ["foo", "bar"], "barbar", [(1, 0, 3), (1, 3, 6)]),
    SearchTest("basic450", ["foo", "bar"], "bafofoo", [(0, 4, 7)]),
    SearchTest("basic460", ["bar", "foo"], "bafofoo", [(1, 4, 7)]),
    SearchTest("basic470", ["foo", "bar"], "fobabar", [(1, 4, 7)]),
    SearchTest("basic480", ["bar", "foo"], "fobabar", [(0, 4, 7)]),
    SearchTest("basic700", ["yabcdef", "abcdezghi"], "yabcdefghi", [(0, 0, 7)]),
    SearchTest("basic710", ["yabcdef", "bcdeyabc", "abcdezghi"], "yabcdezghi", [(2, 1, 10)]),
    SearchTest("basic720", ["yabcdef", "bcdeyabc", "abcdezghi", "bcdezghi"], "yabcdezghi",
               [(2, 1, 10), (3, 2, 10)]),
]

/// Literals whose occurrences overlap (after aho-corasick's OVERLAPPING, re-ordered by end
/// offset, then pattern ID).
let overlappingTests: [SearchTest] = [
    SearchTest("ov000", ["abcd", "bcd", "cd", "b"], "abcd", [(3, 1, 2), (0, 0, 4), (1, 1, 4), (2, 2, 4)]),
    SearchTest("ov010", ["bcd", "cd", "b", "abcd"], "abcd", [(2, 1, 2), (0, 1, 4), (1, 2, 4), (3, 0, 4)]),
    SearchTest("ov020", ["abcd", "bcd", "cd"], "abcd", [(0, 0, 4), (1, 1, 4), (2, 2, 4)]),
    SearchTest("ov030", ["bcd", "abcd", "cd"], "abcd", [(0, 1, 4), (1, 0, 4), (2, 2, 4)]),
    SearchTest("ov040", ["bcd", "cd", "abcd"], "abcd", [(0, 1, 4), (1, 2, 4), (2, 0, 4)]),
    SearchTest("ov050", ["abc", "bc"], "zazabcz", [(0, 3, 6), (1, 4, 6)]),
    SearchTest("ov100", ["ab", "ba"], "abababa",
               [(0, 0, 2), (1, 1, 3), (0, 2, 4), (1, 3, 5), (0, 4, 6), (1, 5, 7)]),
    SearchTest("ov200", ["foo", "foo"], "foobarfoo", [(0, 0, 3), (1, 0, 3), (0, 6, 9), (1, 6, 9)]),
    SearchTest("ov360", ["foo", "foofoo"], "foofoo", [(0, 0, 3), (0, 3, 6), (1, 0, 6)]),
    SearchTest("ov400", ["he", "she", "his", "hers"], "ushers", [(0, 2, 4), (1, 1, 4), (3, 2, 6)]),
    SearchTest("ov410", ["aa", "aaa"], "aaaa", [(0, 0, 2), (0, 1, 3), (1, 0, 3), (0, 2, 4), (1, 1, 4)]),
]

/// Literals that are prefixes or suffixes of one another; failures out of deep states.
let prefixSuffixTests: [SearchTest] = [
    SearchTest("ps000", ["a", "ab", "abc", "abcd"], "abcd", [(0, 0, 1), (1, 0, 2), (2, 0, 3), (3, 0, 4)]),
    SearchTest("ps010", ["abcd", "abc", "ab", "a"], "abcdabc",
               [(3, 0, 1), (2, 0, 2), (1, 0, 3), (0, 0, 4), (3, 4, 5), (2, 4, 6), (1, 4, 7)]),
    SearchTest("ps020", ["d", "cd", "bcd", "abcd"], "abcd", [(0, 3, 4), (1, 2, 4), (2, 1, 4), (3, 0, 4)]),
    SearchTest("ps030", ["abcd", "bcd", "cd", "d"], "xabcdx", [(0, 1, 5), (1, 2, 5), (2, 3, 5), (3, 4, 5)]),
    SearchTest("ps040", ["abcde", "bcd"], "abcdf", [(1, 1, 4)]),
    SearchTest("ps050", ["abcdefg", "cdef", "efgh"], "abcdefgh", [(1, 2, 6), (0, 0, 7), (2, 4, 8)]),
    SearchTest("ps060", ["ab", "abab"], "ababab", [(0, 0, 2), (0, 2, 4), (1, 0, 4), (0, 4, 6), (1, 2, 6)]),
    SearchTest("ps070", ["aab", "ab", "b"], "aaab", [(0, 1, 4), (1, 2, 4), (2, 3, 4)]),
]

/// The same bytes added more than once: every ID is reported, in ID order.
let duplicateTests: [SearchTest] = [
    SearchTest("dup000", ["a", "b", "a"], "aba", [(0, 0, 1), (2, 0, 1), (1, 1, 2), (0, 2, 3), (2, 2, 3)]),
    SearchTest("dup010", ["abc", "bc", "abc", "c", "bc"], "abc", [(0, 0, 3), (1, 1, 3), (2, 0, 3), (3, 2, 3), (4, 1, 3)]),
    SearchTest("dup020", ["x", "x", "x"], "xx", [(0, 0, 1), (1, 0, 1), (2, 0, 1), (0, 1, 2), (1, 1, 2), (2, 1, 2)]),
]

/// One-byte literals, including NUL, DEL, 0x80 and 0xFF.
let singleByteTests: [SearchTest] = [
    SearchTest("sb000", [[0x00]], [0x00, 0x00, 0x01, 0x00], [(0, 0, 1), (0, 1, 2), (0, 3, 4)]),
    SearchTest("sb010", [[0xFF]], [0xFF, 0xFE, 0xFF], [(0, 0, 1), (0, 2, 3)]),
    SearchTest("sb020", [" "], " a b ", [(0, 0, 1), (0, 2, 3), (0, 4, 5)]),
    SearchTest("sb030", [[0x00], [0xFF], [0x7F], [0x80]], [0x80, 0x00, 0x7F, 0xFF, 0x01],
               [(3, 0, 1), (0, 1, 2), (2, 2, 3), (1, 3, 4)]),
]

/// Every byte value: 256 classes (no class is shared), and 255 (one shared class).
let allByteTests: [SearchTest] = [
    SearchTest("all000", (0...255).map { [UInt8($0)] }, (0...255).reversed().map { UInt8($0) },
               (0...255).map { (255 - $0, $0, $0 + 1) }),
    SearchTest("all010", (0...255).map { [UInt8($0), UInt8(($0 + 1) % 256)] }, (0...256).map { UInt8($0 % 256) },
               (0...255).map { ($0, $0, $0 + 2) }),
    SearchTest("all020", (0...255).filter { $0 != 0x41 }.map { [UInt8($0)] }, [0x40, 0x41, 0x42],
               [(0x40, 0, 1), (0x41, 2, 3)]),
]

/// Multi-byte UTF-8: literals match byte sequences, wherever they occur.
let utf8Tests: [SearchTest] = [
    SearchTest("u000", ["café", "cafe"], "café cafe", [(0, 0, 5), (1, 6, 10)]),
    SearchTest("u010", ["é"], "ééa", [(0, 0, 2), (0, 2, 4)]),
    SearchTest("u020", ["🙂", "🙂🙂"], "a🙂🙂", [(0, 1, 5), (0, 5, 9), (1, 1, 9)]),
    SearchTest("u030", ["кот", "от"], "котик", [(0, 0, 6), (1, 2, 6)]),
    SearchTest("u040", ["\u{301}"], "e\u{301}", [(0, 1, 3)]),
    SearchTest("u050", ["ü"], "u", []),
    SearchTest("u060", [[0xA9]], Array("é".utf8), [(0, 1, 2)]),
    SearchTest("u070", ["kanker", "ker", "kankerlijer"], "kankerlijer!",
               [(0, 0, 6), (1, 3, 6), (2, 0, 11)]),
]

/// An empty haystack never matches, whatever the literals.
let emptyHaystackTests: [SearchTest] = [
    SearchTest("eh000", ["a", "bc"], "", []),
    SearchTest("eh010", [[0x00]], [], []),
    SearchTest("eh020", (0...255).map { [UInt8($0)] }, [], []),
]

let allSearchTests = basicTests + overlappingTests + prefixSuffixTests + duplicateTests
    + singleByteTests + allByteTests + utf8Tests + emptyHaystackTests

@Suite struct AutomatonTableTests {
    @Test(arguments: allSearchTests, automatonConfigurations)
    func reportsExactlyTheExpectedMatches(_ test: SearchTest, _ representation: AutomatonRepresentation) {
        let automaton = buildAutomaton(test.literals, representation)
        #expect(automaton.patternCount == test.literals.count)
        #expect(scannedMatches(automaton, test.haystack) == test.expected)
        #expect(automaton.matches(in: test.haystack) == test.expected)
    }

    /// The reference matcher the property tests trust must itself pass every table.
    @Test(arguments: allSearchTests)
    func naiveReferenceAgrees(_ test: SearchTest) {
        #expect(naiveMatches(test.literals, in: test.haystack) == test.expected)
        #expect(DictionaryMatcher(test.literals).matches(in: test.haystack) == test.expected)
    }
}
