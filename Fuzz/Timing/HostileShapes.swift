/// Hostile inputs of any size, each made by repeating one unit: the shapes SECURITY.md promises
/// linear time for. Every generator returns exactly the first `bytes` bytes of its repetition
/// cut back to a whole unit (so no shape ends in half a character).
struct HostileShape {
    var name: String
    var description: String
    var unit: [UInt8]
    /// Bytes placed once before the repetition (e.g. a JSON prefix).
    var prefix: [UInt8] = []
    var suffix: [UInt8] = []

    func make(bytes: Int) -> [UInt8] {
        let room = max(0, bytes - prefix.count - suffix.count)
        var result = prefix
        result.reserveCapacity(bytes)
        let count = max(1, room / max(1, unit.count))
        for _ in 0..<count { result.append(contentsOf: unit) }
        result.append(contentsOf: suffix)
        return result
    }

    static func text(_ name: String, _ description: String, _ unit: String) -> HostileShape {
        HostileShape(name: name, description: description, unit: Array(unit.utf8))
    }

    /// Posts: classified as one post each.
    static let posts: [HostileShape] = [
        text("prose", "neutral English sentences", "The meetup starts at seven and everyone is welcome to join the discussion afterwards. "),
        text("triggers", "a rule hit every few words", "you are such an idiot, buy now via this link, DM me, their CEO steals. "),
        text("exceptions", "hits that an 'unless' pattern cancels", "you are not an idiot. "),
        text("far-context", "hits whose 'near' context is never near", "buy now one two three four five six seven eight nine ten eleven twelve here "),
        text("long-words", "100,000-letter words", String(repeating: "abcdefghij", count: 10_000) + " "),
        text("one-letter", "one letter repeated without end", "a"),
        text("infix-run", "an infix literal at every position of one word", "kanker"),
        text("combining", "only combining marks", "\u{0301}"),
        text("zero-width", "only zero-width characters", "\u{200B}\u{200D}\u{2060}\u{FEFF}"),
        HostileShape(name: "nul", description: "NUL bytes between letters", unit: Array("id\u{0}iot\u{0}".utf8)),
        HostileShape(name: "invalid-utf8", description: "invalid UTF-8 everywhere", unit: [0xFF, 0x61, 0xC3, 0x28, 0xED, 0xA0, 0x80, 0x20, 0xF4, 0x90]),
        text("spaced", "spaced and dotted letters", "s e l l  d.m m.e  b-u-y "),
        text("confusables", "Cyrillic look-alikes inside Latin words", "іdіоt раураl sсаm "),
        text("emoji", "emoji ZWJ sequences and flags", "\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}\u{1F1F3}\u{1F1F1} "),
        text("pii", "e-mail, phone, IBAN and postcode look-alikes", "jan@example.org 0612345678 NL91ABNA0417164300 1012 AB "),
        text("digits", "one long run of digits", "0123456789"),
    ]

    /// JSONL lines: parsed as one line each.
    static let lines: [HostileShape] = [
        HostileShape(name: "json-string", description: "one huge plain string", unit: Array("abcdefghij".utf8),
                     prefix: Array(#"{"id":"1","text":""#.utf8), suffix: Array(#""}"#.utf8)),
        HostileShape(name: "json-escapes", description: "a string of escapes and surrogate pairs", unit: Array(#"\u00e9\n\"\ud83d\ude00\\"#.utf8),
                     prefix: Array(#"{"text":""#.utf8), suffix: Array(#""}"#.utf8)),
        HostileShape(name: "json-invalid-utf8", description: "invalid UTF-8 inside the string", unit: [0xFF, 0x61, 0xC3, 0x28],
                     prefix: Array(#"{"text":""#.utf8), suffix: Array(#""}"#.utf8)),
        HostileShape(name: "json-deep", description: "nesting 50,000 deep and more (rejected at 512)", unit: Array("[".utf8),
                     prefix: Array(#"{"text":"a","x":"#.utf8)),
        HostileShape(name: "json-keys", description: "many unknown keys, then text", unit: Array(#""k":[1e999,-0.5E-7,true,null],"#.utf8),
                     prefix: Array("{".utf8), suffix: Array(#""text":"a"}"#.utf8)),
    ]
}
