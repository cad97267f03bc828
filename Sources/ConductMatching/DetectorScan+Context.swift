/// Words before a candidate that change what a digit string is: "order 0612345678" is an
/// order number, "bsn 12345678" a citizen service number with its leading zero dropped.
///
/// ``precedingContext(_:)`` looks at up to four words before the candidate, skipping
/// connector words ("no", "nr", "number", "nummer", "is", "code", …) and punctuation
/// (':', '#', '.', ',', '-', '('). The first other word decides: a code word blocks, a BSN word
/// marks the BSN context, anything else is neutral. A '#' right before the candidate, or as a
/// word of its own, blocks.
extension DetectorScan {
    enum PrecedingContext { case neutral, blocked, citizenNumber }

    func precedingContext(_ start: Int) -> PrecedingContext {
        var k = start
        for _ in 0..<4 {
            var skipped = 0
            while skipped < 4 {
                let b = at(k - 1)
                if b == UInt8(ascii: "#") { return .blocked }
                guard b == 0x20 || b == UInt8(ascii: ":") || b == UInt8(ascii: ".") || b == UInt8(ascii: ",")
                    || b == UInt8(ascii: "-") || b == UInt8(ascii: "(") else { break }
                k -= 1
                skipped += 1
            }
            let end = k
            while k > 0 && ByteClass.isLetter(at(k - 1)) && end - k < 24 { k -= 1 }
            guard k < end, !ByteClass.isLetter(at(k - 1)) else { return .neutral }
            if DetectorWordList.codeContext.contains(p, k, end) { return .blocked }
            if DetectorWordList.citizenNumberContext.contains(p, k, end) { return .citizenNumber }
            if !DetectorWordList.contextConnectors.contains(p, k, end) { return .neutral }
        }
        return .neutral
    }

    /// The word that ends one space before `end` (`p[start..<end-1]` has no white space), if it
    /// is at most `limit` bytes long.
    func previousToken(before end: Int, limit: Int = 40) -> (start: Int, end: Int)? {
        guard at(end - 1) == 0x20 else { return nil }
        let te = end - 1
        var k = te
        while k > 0 && !ByteClass.isTokenEnd(at(k - 1)) {
            k -= 1
            if te - k > limit { return nil }
        }
        return k < te ? (k, te) : nil
    }

    /// The token that starts one space after `start`, up to `limit` bytes long.
    func nextToken(after start: Int, limit: Int = 40) -> (start: Int, end: Int)? {
        guard at(start) == 0x20 else { return nil }
        let ts = start + 1
        var k = ts
        while !ByteClass.isTokenEnd(at(k)) {
            k += 1
            if k - ts > limit { return nil }
        }
        return k > ts ? (ts, k) : nil
    }

    /// Whether `p[start..<end]` is a non-empty run of letters, with inner apostrophes or hyphens.
    func isLetterWord(_ start: Int, _ end: Int) -> Bool {
        guard end > start, ByteClass.isLetter(at(end - 1)) || at(end - 1) == UInt8(ascii: "'") else { return false }
        for k in start..<end {
            let b = p[k]
            guard ByteClass.isLetter(b) || b == UInt8(ascii: "'") || (b == UInt8(ascii: "-") && k > start) else {
                return false
            }
        }
        return true
    }
}

extension DetectorWordList {
    /// Words naming order, invoice, tracking, account and similar numbers: a digit string
    /// after them is a code, not a phone number or BSN.
    static let codeContext = DetectorWordList([
        "order", "orders", "orderno", "ordernr", "ordernummer", "invoice", "invoiceno", "factuur",
        "factuurnr", "factuurnummer", "bestelling", "bestelnr", "bestelnummer", "ref", "refno",
        "reference", "referentie", "referentienummer", "kenmerk", "tracking", "trackingnummer",
        "trackingcode", "track", "ticket", "ticketnummer", "case", "zaak", "zaaknummer",
        "dossier", "dossiernummer", "klantnummer", "customer", "account", "transaction",
        "transactie", "iban", "rekening", "rekeningnummer", "serial", "serienummer",
        "artikelnummer", "artikel", "item", "sku", "pakket", "zending", "shipment", "parcel",
        "ean", "isbn", "kvk", "btw", "vat", "postbus", "pin", "pincode", "otp", "verificatiecode",
        "confirmation", "booking", "boeking", "reservation", "reservering", "version", "versie",
    ])

    /// Words announcing a Dutch citizen service number.
    static let citizenNumberContext = DetectorWordList([
        "bsn", "burgerservicenummer", "sofinummer", "sofi", "sofinr", "bsnnummer", "bsnnr",
    ])

    /// Words skipped between a context word and the number it qualifies.
    static let contextConnectors = DetectorWordList([
        "no", "nr", "nos", "number", "num", "nummer", "code", "id", "is", "was", "mijn", "my",
        "the", "de", "het", "your", "uw", "je", "jouw", "his", "her", "zijn", "haar", "met",
        "with", "van", "of",
    ])
}
