extension JSONWriter {
    /// Appends `"…"` with the escaping described on ``JSONWriter``.
    mutating func appendQuoted(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        if let p = value.baseAddress {
            let n = value.count
            var runStart = 0
            var j = UTF8Bytes.firstSpecial(p, from: 0, to: n)
            while j < n {
                let c = p[j]
                if c >= 0x80 {
                    let length = UTF8Bytes.sequence(p, j, n)
                    if length == 3 && c == 0xE2 && p[j + 1] == 0x80 && (p[j + 2] == 0xA8 || p[j + 2] == 0xA9) {
                        appendRun(p, runStart, j)
                        appendUnicodeEscape(p[j + 2] == 0xA8 ? "2028" : "2029")
                        j += 3
                        runStart = j
                    } else if length > 0 {
                        j += length
                    } else {
                        appendRun(p, runStart, j)
                        bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                        j -= length
                        runStart = j
                    }
                } else {
                    appendRun(p, runStart, j)
                    appendEscaped(c)
                    j += 1
                    runStart = j
                }
                j = UTF8Bytes.firstSpecial(p, from: j, to: n)
            }
            appendRun(p, runStart, n)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private mutating func appendRun(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { bytes.append(contentsOf: UnsafeBufferPointer(start: p + from, count: to - from)) }
    }

    private mutating func appendUnicodeEscape(_ hex: StaticString) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "u"))
        hex.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// An ASCII byte that cannot appear raw in a JSON string: `"`, `\` or a control character.
    private mutating func appendEscaped(_ c: UInt8) {
        let short: UInt8
        switch c {
        case 0x22: short = 0x22
        case 0x5C: short = 0x5C
        case 0x08: short = UInt8(ascii: "b")
        case 0x0C: short = UInt8(ascii: "f")
        case 0x0A: short = UInt8(ascii: "n")
        case 0x0D: short = UInt8(ascii: "r")
        case 0x09: short = UInt8(ascii: "t")
        default:
            let hex: [UInt8] = Array("0123456789abcdef".utf8)
            bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]])
            return
        }
        bytes.append(0x5C)
        bytes.append(short)
    }

    /// Appends `value` in decimal.
    mutating func appendDecimal(_ value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        let first = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[first...].reverse()
    }

    /// See ``JSONWriter/score(_:)``.
    mutating func appendRounded(_ value: Double) {
        guard value.isFinite else {
            bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
            return
        }
        let magnitude = value.magnitude
        // Below 10^11 the scaled value stays under 2^50, where 0.5 is a multiple of its ulp;
        // larger numbers are no scores: print their shortest round-trip form (valid JSON).
        guard magnitude < 1e11 else {
            bytes.append(contentsOf: value.description.utf8)
            return
        }
        // scaled + error == magnitude * 10^4 exactly: a product's rounding error is
        // representable, and a fused multiply-add computes it.
        let scaled = magnitude * 10_000
        let error = (-scaled).addingProduct(magnitude, 10_000)
        let whole = scaled.rounded(.down)
        let fraction = scaled - whole       // exact; |error| < ulp, so only a tie needs it
        var units = Int(whole)
        if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && units & 1 == 1))) {
            units += 1
        }
        if units == 0 {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        appendDecimal(units / 10_000)
        var decimals = units % 10_000
        guard decimals != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        var digits = 4
        while decimals % 10 == 0 { decimals /= 10; digits -= 1 }
        let first = bytes.count
        for _ in 0..<digits {
            bytes.append(UInt8(ascii: "0") + UInt8(decimals % 10))
            decimals /= 10
        }
        bytes[first...].reverse()
    }
}
