// Output is produced in pieces of bounded size, each written straight into the buffer's free
// tail, so capacity and uniqueness are checked once per piece rather than once per byte.
extension JSONWriter {
    /// Appends the separating comma if one is due, then up to `maxCount` bytes written by
    /// `body` (which returns how many it wrote); a value follows, so a comma is due next.
    @inline(__always)
    mutating func emit(upTo maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        let out = output.tail(maxCount + 1)
        var written = 0
        if needsComma {
            out[0] = UInt8(ascii: ",")
            written = 1
        }
        written += body(out + written)
        output.commit(written)
        needsComma = true
    }

    mutating func opening(_ bracket: UInt8) {
        emit(upTo: 1) { out in
            out[0] = bracket
            return 1
        }
        needsComma = false
    }

    mutating func closing(_ bracket: UInt8) {
        output.append(bracket)
        needsComma = true
    }

    mutating func appendKey(_ name: UnsafeBufferPointer<UInt8>) {
        if name.count <= 60, let p = name.baseAddress, UTF8Bytes.firstSpecial(p, from: 0, to: name.count) == name.count {
            emit(upTo: name.count + 3) { out in
                out[0] = UInt8(ascii: "\"")
                (out + 1).update(from: p, count: name.count)
                out[name.count + 1] = UInt8(ascii: "\"")
                out[name.count + 2] = UInt8(ascii: ":")
                return name.count + 3
            }
        } else {
            appendString(name)
            output.append(UInt8(ascii: ":"))
        }
        needsComma = false
    }

    /// Appends `"…"` with the escaping described on ``JSONWriter``.
    mutating func appendString(_ value: UnsafeBufferPointer<UInt8>) {
        guard let p = value.baseAddress else {
            emit(upTo: 2) { out in
                out[0] = UInt8(ascii: "\""); out[1] = UInt8(ascii: "\"")
                return 2
            }
            return
        }
        let n = value.count
        var j = UTF8Bytes.firstSpecial(p, from: 0, to: n)
        if j == n {
            emit(upTo: n + 2) { out in
                out[0] = UInt8(ascii: "\"")
                (out + 1).update(from: p, count: n)
                out[n + 1] = UInt8(ascii: "\"")
                return n + 2
            }
            return
        }
        emit(upTo: 1) { out in
            out[0] = UInt8(ascii: "\"")
            return 1
        }
        var runStart = 0
        while j < n {
            let c = p[j]
            if c >= 0x80 {
                let length = UTF8Bytes.sequence(p, j, n)
                if length == 3 && c == 0xE2 && p[j + 1] == 0x80 && (p[j + 2] == 0xA8 || p[j + 2] == 0xA9) {
                    appendRun(p, runStart, j)
                    let last = p[j + 2] == 0xA8 ? UInt8(ascii: "8") : UInt8(ascii: "9")
                    appendPiece(6) { out in
                        out[0] = 0x5C; out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "2")
                        out[3] = UInt8(ascii: "0"); out[4] = UInt8(ascii: "2"); out[5] = last
                        return 6
                    }
                    j += 3
                    runStart = j
                } else if length > 0 {
                    j += length
                } else {
                    appendRun(p, runStart, j)
                    appendPiece(3) { out in
                        out[0] = 0xEF; out[1] = 0xBF; out[2] = 0xBD
                        return 3
                    }
                    j -= length
                    runStart = j
                }
            } else {
                appendRun(p, runStart, j)
                appendPiece(6) { Self.writeEscaped(c, to: $0) }
                j += 1
                runStart = j
            }
            j = UTF8Bytes.firstSpecial(p, from: j, to: n)
        }
        appendRun(p, runStart, n)
        output.append(UInt8(ascii: "\""))
    }

    @inline(__always)
    private mutating func appendRun(_ p: UnsafePointer<UInt8>, _ from: Int, _ to: Int) {
        if to > from { output.append(p + from, count: to - from) }
    }

    /// Appends up to `maxCount` bytes written by `body`, with no separator.
    @inline(__always)
    private mutating func appendPiece(_ maxCount: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        output.commit(body(output.tail(maxCount)))
    }

    /// An ASCII byte that cannot appear raw in a JSON string: `"`, `\`, or a control
    /// character (`\b \f \n \r \t` short, others `\u00XX`).
    static func writeEscaped(_ c: UInt8, to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x5C
        switch c {
        case 0x22, 0x5C: out[1] = c
        case 0x08: out[1] = UInt8(ascii: "b")
        case 0x0C: out[1] = UInt8(ascii: "f")
        case 0x0A: out[1] = UInt8(ascii: "n")
        case 0x0D: out[1] = UInt8(ascii: "r")
        case 0x09: out[1] = UInt8(ascii: "t")
        default:
            out[1] = UInt8(ascii: "u"); out[2] = UInt8(ascii: "0"); out[3] = UInt8(ascii: "0")
            out[4] = hexDigit(c >> 4); out[5] = hexDigit(c & 15)
            return 6
        }
        return 2
    }

    @inline(__always)
    static func hexDigit(_ v: UInt8) -> UInt8 { v < 10 ? 0x30 + v : 0x57 + v }

    static func writeNull(to out: UnsafeMutablePointer<UInt8>) -> Int {
        out[0] = 0x6E; out[1] = 0x75; out[2] = 0x6C; out[3] = 0x6C
        return 4
    }

    /// Writes `value` in decimal (at most 20 bytes) and returns the count.
    @inline(__always)
    static func writeDecimal(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        var magnitude = value.magnitude
        var digits = 1
        var scale: UInt = 10
        while digits < 20 && magnitude >= scale {
            digits += 1
            if digits < 20 { scale &*= 10 }
        }
        var at = count + digits
        repeat {
            at -= 1
            out[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
        } while magnitude > 0
        return count + digits
    }

    /// See ``JSONWriter/score(_:)``; `value` is finite and below 1e11 in magnitude, where the
    /// scaled value stays under 2^50 and 0.5 is a multiple of its ulp. At most 18 bytes.
    static func writeRounded(_ value: Double, to out: UnsafeMutablePointer<UInt8>) -> Int {
        if value == 0 {
            out[0] = UInt8(ascii: "0")
            return 1
        }
        let magnitude = value.magnitude
        // scaled + error == magnitude * 10^4 exactly: a product's rounding error is
        // representable, and a fused multiply-add computes it.
        let scaled = magnitude * 10_000
        let error = (-scaled).addingProduct(magnitude, 10_000)
        var units = Int(scaled)                 // truncation == floor: scaled >= 0
        let fraction = scaled - Double(units)   // exact; |error| < ulp, so only a tie needs it
        if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && units & 1 == 1))) {
            units += 1
        }
        if units == 0 {
            out[0] = UInt8(ascii: "0")
            return 1
        }
        var count = 0
        if value < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        count += writeDecimal(units / 10_000, to: out + count)
        var decimals = units % 10_000
        guard decimals != 0 else { return count }
        out[count] = UInt8(ascii: ".")
        var digits = 4
        while decimals % 10 == 0 {
            decimals /= 10
            digits -= 1
        }
        var at = count + 1 + digits
        for _ in 0..<digits {
            at -= 1
            out[at] = UInt8(ascii: "0") + UInt8(decimals % 10)
            decimals /= 10
        }
        return count + 1 + digits
    }
}
