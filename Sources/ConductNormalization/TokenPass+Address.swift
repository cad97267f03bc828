/// Telling addresses from words for leet folding: "jan4@x.nl", "https://b1t.ly/x",
/// "www.m0ney.nl" and "m0ney.com" keep their digits.
///
/// A dot counts only before a label of two characters or more: the dots of spaced letters
/// ("a.b.c") are no address, so the verdict on a chunk is the same before and after they are
/// joined.
extension TokenPass {
    /// True when the chunk (text between white space) that holds the write position looks
    /// like an email address, a URL or a domain name. The chunk is the output written from
    /// its start up to `outputEnd`, then the unread input from `inputFrom` to the next white
    /// space.
    func chunkLooksLikeAddress(outputEnd: Int, inputFrom: Int) -> Bool {
        var end = inputFrom
        while end < count && !Self.isSpace(bytes[end]) { end += 1 }
        let chunk = ChunkView(bytes: bytes, firstStart: chunkStart, firstEnd: outputEnd, secondStart: inputFrom,
                              secondEnd: end)
        return Self.looksLikeAddress(chunk)
    }

    /// The address test on the bytes of one chunk (lower-case ASCII letters expected, upper
    /// case accepted).
    static func looksLikeAddress(_ chunk: ChunkView) -> Bool {
        let n = chunk.count
        @inline(__always) func letter(_ k: Int) -> Bool { k < n && isASCIILetter(chunk[k]) }
        @inline(__always) func alphanumeric(_ k: Int) -> Bool {
            k >= 0 && k < n && (isASCIILetter(chunk[k]) || isDigit(chunk[k]))
        }
        if n >= 4 && chunk[0] | 0x20 == 0x77 && chunk[1] | 0x20 == 0x77 && chunk[2] | 0x20 == 0x77 && chunk[3] == 0x2E {
            return true  // www.
        }
        var sawAt = false
        for k in 0..<n {
            switch chunk[k] {
            case 0x3A where k + 2 < n && chunk[k + 1] == 0x2F && chunk[k + 2] == 0x2F:
                return true  // ://
            case 0x40 where alphanumeric(k - 1) && alphanumeric(k + 1):
                sawAt = true
            case 0x2E where alphanumeric(k - 1) && letter(k + 1):
                if sawAt && alphanumeric(k + 2) { return true }  // user@host.tld
                var q = k + 1
                while letter(q) { q += 1 }
                let labelLength = q - k - 1
                let endsLabel = q == n || chunk[q] == 0x2F || chunk[q] == 0x3A || chunk[q] == 0x3F
                    || chunk[q] == 0x23 || chunk[q] == 0x2E
                if labelLength >= 2 && labelLength <= 4 && endsLabel {
                    return true  // name.tld, name.tld/path
                }
            default:
                break
            }
        }
        return false
    }
}

/// Two byte ranges of one buffer read as one sequence, without copying.
struct ChunkView {
    let bytes: UnsafeMutablePointer<UInt8>
    let firstStart: Int
    let firstEnd: Int
    let secondStart: Int
    let secondEnd: Int

    var count: Int { firstEnd - firstStart + secondEnd - secondStart }

    @inline(__always)
    subscript(k: Int) -> UInt8 {
        let first = firstEnd - firstStart
        return k < first ? bytes[firstStart + k] : bytes[secondStart + k - first]
    }
}
