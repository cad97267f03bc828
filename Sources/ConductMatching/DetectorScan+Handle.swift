/// `handle`: a social-media handle, "@name": 2–30 of a–z, 0–9, '_', '.' with at least one
/// letter or '_', not starting with '.'; trailing dots are sentence punctuation. The span
/// includes the '@'. A fediverse address "@name@host.tld" is one handle spanning all of it
/// (its "name@host.tld" part is also an email).
///
/// Rejects: an '@' glued to a word or an email's local part ("jan@example.com", "a@b"), an
/// '@' after '/' (a URL path such as "medium.com/@name"), names of 1 or over 30 characters,
/// all-digit names ("@2024"), "@name-more" (no network allows '-'), "@name@" without a domain.
extension DetectorScan {
    @inline(__always) static func isHandleByte(_ b: UInt8) -> Bool {
        ByteClass.isAlnum(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".")
    }

    func handleEnd(at a: Int) -> Int? {
        let b = at(a - 1)
        guard !Self.isLocalByte(b), b != UInt8(ascii: "@"), b != UInt8(ascii: "/"), b != UInt8(ascii: "\\"),
              b != UInt8(ascii: "#"), b != UInt8(ascii: "&"), b != UInt8(ascii: "=") else { return nil }
        var j = a + 1
        while Self.isHandleByte(at(j)) {
            j += 1
            if j - a > 31 { return nil }
        }
        var e = j
        while e > a + 1 && at(e - 1) == UInt8(ascii: ".") { e -= 1 }
        guard e - a - 1 >= 2, at(a + 1) != UInt8(ascii: ".") else { return nil }
        var named = false
        for k in (a + 1)..<e where ByteClass.isLetter(p[k]) || p[k] == UInt8(ascii: "_") {
            named = true
            break
        }
        guard named else { return nil }
        let after = at(j)
        if after == UInt8(ascii: "@") {
            guard j == e, let end = domainEnd(from: j + 1) else { return nil }
            return end
        }
        if after == UInt8(ascii: "-") && ByteClass.isAlnum(at(j + 1)) { return nil }
        return e
    }
}
