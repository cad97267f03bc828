/// Where a string value ended up: a slice of the line (no escapes, valid UTF-8) or of the
/// parser's scratch buffer (decoded).
struct StringRef {
    var start: Int
    var count: Int
    var inScratch: Bool
}

/// The cursor of one `parse` call: JSON tokens over one line, RFC 8259. Every byte of the
/// line is examined a bounded number of times, so parsing is linear in the line's length.
/// Nesting is tracked in a bit stack of `maxDepth` bits, never on the call stack.
struct JSONScanner {
    let p: UnsafePointer<UInt8>
    let n: Int
    var i = 0
    var scratch: ScratchBytes
    let maxDepth: Int
    /// Bit d set: the container at depth d is an object (else an array).
    let kinds: UnsafeMutablePointer<UInt64>

    // MARK: whitespace and messages

    @inline(__always)
    mutating func skipWhitespace() {
        while i < n {
            let c = p[i]
            guard c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 else { return }
            i += 1
        }
    }

    /// How the byte at `j` is named in messages: `end of line`, `'x'` or `byte 0xC3`.
    func found(_ j: Int) -> String {
        guard j < n else { return "end of line" }
        let c = p[j]
        if c > 0x20 && c < 0x7F { return "'\(Character(Unicode.Scalar(c)))'" }
        return "byte 0x" + hex2(c)
    }

    func hex2(_ c: UInt8) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        return String(decoding: [digits[Int(c >> 4)], digits[Int(c & 15)]], as: UTF8.self)
    }

    /// The JSON type a value starting at `j` would have, or nil when no value starts there.
    func kind(_ j: Int) -> String? {
        guard j < n else { return nil }
        switch p[j] {
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return "number"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
        case UInt8(ascii: "n"): return "null"
        default: return nil
        }
    }

    func expectedValue() -> JSONLineError {
        JSONLineError("expected a JSON value, found \(found(i))", at: i)
    }

    // MARK: strings

    /// Reads the string whose opening quote is at `i`; afterwards `i` is past its closing
    /// quote. Without escapes or invalid UTF-8 the result is a slice of the line.
    @inline(__always)
    mutating func string() throws(JSONLineError) -> StringRef {
        let open = i
        let start = i + 1
        var j = start
        while true {
            j = UTF8Bytes.firstSpecial(p, from: j, to: n)
            guard j < n else { throw JSONLineError("unterminated string", at: open) }
            let c = p[j]
            if c == 0x22 {
                i = j + 1
                return StringRef(start: start, count: j - start, inScratch: false)
            }
            if c >= 0x80 {
                let length = UTF8Bytes.sequence(p, j, n)
                if length > 0 { j += length; continue }
            } else if c < 0x20 {
                throw controlCharacter(j)
            }
            return try decodeString(open: open, plainUpTo: j)
        }
    }

    func controlCharacter(_ j: Int) -> JSONLineError {
        JSONLineError("unescaped control character U+00\(hex2(p[j])) in string", at: j)
    }

    /// The slow path of ``string()``: `[open + 1, j)` needs no decoding; from `j` on, escapes
    /// and invalid UTF-8 are decoded into the scratch buffer.
    mutating func decodeString(open: Int, plainUpTo firstSpecial: Int) throws(JSONLineError) -> StringRef {
        let outStart = scratch.count
        var runStart = open + 1
        var j = firstSpecial
        while true {
            guard j < n else { throw JSONLineError("unterminated string", at: open) }
            let c = p[j]
            if c >= 0x80 {
                let length = UTF8Bytes.sequence(p, j, n)
                if length > 0 {
                    j += length
                } else {
                    scratch.append(p + runStart, count: j - runStart)
                    scratch.appendReplacement()
                    j -= length
                    runStart = j
                }
            } else if c == 0x22 {
                scratch.append(p + runStart, count: j - runStart)
                i = j + 1
                return StringRef(start: outStart, count: scratch.count - outStart, inScratch: true)
            } else if c == 0x5C {
                scratch.append(p + runStart, count: j - runStart)
                j = try escape(at: j, decode: true, open: open)
                runStart = j
            } else if c < 0x20 {
                throw controlCharacter(j)
            } else {
                j += 1
            }
            j = UTF8Bytes.firstSpecial(p, from: j, to: n)
        }
    }

    /// Skips the string whose opening quote is at `i`, checking its escapes and control
    /// characters but not its UTF-8 (which would only be replaced, never rejected).
    mutating func skipString() throws(JSONLineError) {
        let open = i
        var j = i + 1
        while true {
            j = UTF8Bytes.firstSpecial(p, from: j, to: n)
            guard j < n else { throw JSONLineError("unterminated string", at: open) }
            let c = p[j]
            if c == 0x22 {
                i = j + 1
                return
            } else if c == 0x5C {
                j = try escape(at: j, decode: false, open: open)
            } else if c < 0x20 {
                throw controlCharacter(j)
            } else {
                j += 1
            }
        }
    }

    /// The escape sequence whose backslash is at `j` (in the string opened at `open`): appends its value to the scratch buffer
    /// when `decode`, and returns the index after it. A `\u` surrogate that is not half of a
    /// high-low pair becomes U+FFFD.
    mutating func escape(at j: Int, decode: Bool, open: Int) throws(JSONLineError) -> Int {
        guard j + 1 < n else { throw JSONLineError("unterminated string", at: open) }
        let e = p[j + 1]
        let byte: UInt8
        switch e {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): byte = e
        case UInt8(ascii: "b"): byte = 0x08
        case UInt8(ascii: "f"): byte = 0x0C
        case UInt8(ascii: "n"): byte = 0x0A
        case UInt8(ascii: "r"): byte = 0x0D
        case UInt8(ascii: "t"): byte = 0x09
        case UInt8(ascii: "u"):
            let unit = try hex4(at: j + 2, escapeAt: j)
            if unit & 0xF800 != 0xD800 {
                if decode { scratch.appendScalar(unit) }
                return j + 6
            }
            if unit < 0xDC00, j + 11 < n, p[j + 6] == 0x5C, p[j + 7] == UInt8(ascii: "u") {
                let low = try hex4(at: j + 8, escapeAt: j + 6)
                if low >= 0xDC00 && low <= 0xDFFF {
                    if decode { scratch.appendScalar(0x10000 + (unit - 0xD800) << 10 + (low - 0xDC00)) }
                    return j + 12
                }
            }
            if decode { scratch.appendReplacement() }
            return j + 6
        default:
            if e > 0x20 && e < 0x7F {
                throw JSONLineError("invalid escape sequence \"\\\(Character(Unicode.Scalar(e)))\" in string", at: j)
            }
            throw JSONLineError("invalid escape sequence: \"\\\" followed by \(found(j + 1)) in string", at: j)
        }
        if decode { scratch.append(byte) }
        return j + 2
    }

    func hex4(at k: Int, escapeAt j: Int) throws(JSONLineError) -> UInt32 {
        guard k + 4 <= n else { throw JSONLineError("invalid \\u escape: expected 4 hex digits", at: j) }
        let a = UTF8Bytes.hexValue(p[k]), b = UTF8Bytes.hexValue(p[k + 1])
        let c = UTF8Bytes.hexValue(p[k + 2]), d = UTF8Bytes.hexValue(p[k + 3])
        guard a | b | c | d >= 0 else { throw JSONLineError("invalid \\u escape: expected 4 hex digits", at: j) }
        return UInt32(a << 12 | b << 8 | c << 4 | d)
    }

    // MARK: numbers and literals

    /// Reads the number token at `i` (RFC 8259 grammar) and returns where it started.
    mutating func number() throws(JSONLineError) -> Int {
        let start = i
        if p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, isDigit(p[i]) else {
            throw JSONLineError("invalid number: expected a digit, found \(found(i))", at: i)
        }
        if p[i] == UInt8(ascii: "0") {
            i += 1
            if i < n && isDigit(p[i]) {
                throw JSONLineError("invalid number: leading zeros are not allowed", at: start)
            }
        } else {
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            guard i < n, isDigit(p[i]) else {
                throw JSONLineError("invalid number: expected a digit after '.', found \(found(i))", at: i)
            }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        if i < n && p[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            if i < n && (p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < n, isDigit(p[i]) else {
                throw JSONLineError("invalid number: expected a digit in the exponent, found \(found(i))", at: i)
            }
            while i < n && isDigit(p[i]) { i += 1 }
        }
        return start
    }

    @inline(__always)
    func isDigit(_ c: UInt8) -> Bool { c &- 0x30 < 10 }

    /// Reads `true`, `false` or `null` at `i` and returns which byte started it.
    mutating func literal() throws(JSONLineError) -> UInt8 {
        let first = p[i]
        let word: StaticString = first == UInt8(ascii: "t") ? "true" : first == UInt8(ascii: "f") ? "false" : "null"
        let length = word.utf8CodeUnitCount
        let matches = i + length <= n && word.withUTF8Buffer { expected in
            (0..<length).allSatisfy { p[i + $0] == expected[$0] }
        }
        guard matches else { throw JSONLineError("invalid literal, expected \(word)", at: i) }
        i += length
        return first
    }

    // MARK: skipping

    /// Skips the value at `i`, of any shape, as a member of a container at depth `baseDepth`.
    /// Iterative: containers are tracked in `kinds`, so any nesting up to `maxDepth` costs
    /// no stack, and deeper nesting is an error.
    mutating func skipValue(depth baseDepth: Int) throws(JSONLineError) {
        var depth = baseDepth
        while true {
            // A value starts at i.
            guard i < n else { throw expectedValue() }
            switch p[i] {
            case UInt8(ascii: "\""):
                try skipString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                _ = try number()
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                _ = try literal()
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = p[i] == UInt8(ascii: "{")
                depth += 1
                guard depth <= maxDepth else {
                    throw JSONLineError("nesting depth exceeds the limit of \(maxDepth)", at: i)
                }
                let word = depth >> 6, bit = UInt64(1) << UInt64(depth & 63)
                if isObject { kinds[word] |= bit } else { kinds[word] &= ~bit }
                i += 1
                skipWhitespace()
                if i < n && p[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    depth -= 1
                } else {
                    if isObject { try memberName() }
                    continue
                }
            default:
                throw expectedValue()
            }
            // A value ended; close containers until one continues with another value.
            while true {
                if depth == baseDepth { return }
                skipWhitespace()
                let isObject = kinds[depth >> 6] & (UInt64(1) << UInt64(depth & 63)) != 0
                if i < n && p[i] == UInt8(ascii: ",") {
                    i += 1
                    skipWhitespace()
                    if isObject { try memberName() }
                    break
                }
                if i < n && p[i] == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    depth -= 1
                    continue
                }
                throw isObject ? afterMember() : JSONLineError(
                    "expected ',' or ']' after an array element, found \(found(i))", at: i)
            }
        }
    }

    func afterMember() -> JSONLineError {
        JSONLineError("expected ',' or '}' after an object member, found \(found(i))", at: i)
    }

    /// Skips `"name" :` and the whitespace after it, leaving `i` at the member's value.
    mutating func memberName() throws(JSONLineError) {
        guard i < n && p[i] == UInt8(ascii: "\"") else {
            throw JSONLineError("expected a string key, found \(found(i))", at: i)
        }
        try skipString()
        try colon()
    }

    /// Skips whitespace, `:` and whitespace.
    @inline(__always)
    mutating func colon() throws(JSONLineError) {
        skipWhitespace()
        guard i < n && p[i] == UInt8(ascii: ":") else {
            throw JSONLineError("expected ':' after an object key, found \(found(i))", at: i)
        }
        i += 1
        skipWhitespace()
    }
}
