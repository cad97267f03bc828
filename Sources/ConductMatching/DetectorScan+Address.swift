/// `address`: a street address, Dutch or English.
///
/// Dutch: a street word, a house number (1–4 digits, first 1–9) with an optional letter or
/// "-" addition ("5a", "12-3", "12-hs"), then optionally a postcode and a city
/// ("kerkstraat 12, 1234 ab amsterdam"). The street word is
/// - a compound ending in a street suffix (straat, laan, weg, plein, gracht, kade, singel,
///   dijk, pad, steeg, hof, dreef, markt, park, plantsoen, wal): "kerkstraat 12", extended back
///   over "van"/"van de"/"ter"/"ten" and one name word: "jan van galenstraat 12-3";
/// - "laan van meerdervoort 5a": a suffix word, "van", an optional article and 1–2 name words;
/// - a suffix word after a fixed adjective: "oude gracht 12", "grote markt 1" (the adjective
///   is also kept before a compound: "nieuwe binnenweg 8").
/// "nr"/"nummer" may stand between street and number ("kerkstraat nr 12"). The city is one
/// word of at least three letters, or two after "den", "de", "'s", "sint" ("den haag").
///
/// English: a house number (1–5 digits, optional letter: "221b"), 1–4 name words (letters or
/// an ordinal, "st"/"saint" first), then a street suffix (street, st, road, rd, avenue, ave,
/// lane, ln, drive, dr, boulevard, blvd, way, court, ct, place, pl, close, crescent, terrace,
/// square): "221b baker street", "12 main st", "10 downing street".
///
/// Rejects: a number followed by a unit or count word ("onderweg 5 minuten", "supermarkt 3
/// keer", "10 minute drive"), common compounds that only look like streets (onderweg,
/// snelweg, supermarkt, …), a bare suffix word without a name ("weg 2", "2 roads diverged",
/// "1 way street"), name words that are function words ("the way 2 go", "5 people on the
/// road"), Dutch house numbers that look like years (1900–2099) unless a postcode follows,
/// and numbers glued to further digit groups ("kerkstraat 12:30").
extension DetectorScan {
    mutating func addressCandidate(_ r: Int, _ runEnd: Int) {
        guard r >= addressEnd, runEnd - r <= 5, at(r) != UInt8(ascii: "0"), isCleanStart(r),
              !hasCurrencyBefore(r) else { return }
        if let (start, end) = dutchAddress(r, runEnd) {
            emit(.address, start, end)
            addressEnd = end
        } else if let end = englishAddress(r, runEnd) {
            emit(.address, r, end)
            addressEnd = end
        }
    }

    @inline(__always) func isWord(_ token: (start: Int, end: Int), in list: DetectorWordList) -> Bool {
        list.contains(p, token.start, token.end)
    }

    /// `token` without trailing punctuation (".,;:!?)").
    func trimmed(_ token: (start: Int, end: Int)) -> (start: Int, end: Int) {
        var e = token.end
        while e > token.start {
            let b = at(e - 1)
            guard b == UInt8(ascii: ".") || b == UInt8(ascii: ",") || b == UInt8(ascii: ";") || b == UInt8(ascii: ":")
                || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ")") else { break }
            e -= 1
        }
        return (token.start, e)
    }

    // MARK: Dutch

    private func dutchAddress(_ r: Int, _ runEnd: Int) -> (Int, Int)? {
        guard runEnd - r <= 4, let start = dutchStreetStart(beforeNumber: r) else { return nil }
        var e = runEnd
        if ByteClass.isLetter(at(e)) && !ByteClass.isAlnum(at(e + 1)) { e += 1 }
        if at(e) == UInt8(ascii: "-") && ByteClass.isAlnum(at(e + 1)) {
            var k = e + 1
            while ByteClass.isAlnum(at(k)) && k - e <= 4 { k += 1 }
            guard !ByteClass.isAlnum(at(k)) else { return nil }
            e = k
        }
        let a = at(e)
        guard !ByteClass.isAlnum(a), a != UInt8(ascii: "%"), a != UInt8(ascii: "_") else { return nil }
        if (a == UInt8(ascii: ".") || a == UInt8(ascii: ",") || a == UInt8(ascii: ":") || a == UInt8(ascii: "/"))
            && ByteClass.isDigit(at(e + 1)) {
            return nil
        }
        if let next = nextToken(after: e, limit: 16), isWord(trimmed(next), in: .countWords) { return nil }

        // Optionally a postcode, then a city.
        var end = e
        var k = e
        if at(k) == UInt8(ascii: ",") { k += 1 }
        var postcode = false
        if at(k) == 0x20 && ByteClass.isDigit(at(k + 1)) {
            var re = k + 1
            while ByteClass.isDigit(at(re)) && re - k <= 5 { re += 1 }
            if let pe = postcodeEnd(k + 1, re) {
                postcode = true
                end = pe
                var c = pe
                if at(c) == UInt8(ascii: ",") { c += 1 }
                if let city = nextToken(after: c, limit: 30).map(trimmed), isLetterWord(city.start, city.end),
                   city.end - city.start >= 3 || isWord(city, in: .cityPrefixes), !isWord(city, in: .addressStopwords) {
                    end = city.end
                    if isWord(city, in: .cityPrefixes), let second = nextToken(after: city.end, limit: 30).map(trimmed),
                       isLetterWord(second.start, second.end) {
                        end = second.end
                    }
                }
            }
        }
        if !postcode && runEnd - r == 4 {
            let year = (Int(at(r)) - 48) * 1000 + (Int(at(r + 1)) - 48) * 100 + (Int(at(r + 2)) - 48) * 10 + Int(at(r + 3)) - 48
            if (1900...2099).contains(year) { return nil }
        }
        return (start, end)
    }

    /// Where the street name before house number `r` starts, if there is one.
    private func dutchStreetStart(beforeNumber r: Int) -> Int? {
        guard var word = previousToken(before: r, limit: 40) else { return nil }
        if isWord(word, in: .houseNumberMarkers) {
            guard let w = previousToken(before: word.start, limit: 40) else { return nil }
            word = w
        }
        guard isLetterWord(word.start, word.end) else { return nil }
        if DetectorWordList.dutchStreetSuffixes.longestProperSuffix(p, word.start, word.end) > 0 {
            guard !isWord(word, in: .streetLookalikes) else { return nil }
            if let adjective = previousToken(before: word.start, limit: 12), isWord(adjective, in: .streetAdjectives) {
                return adjective.start
            }
            return extendOverVan(word.start)
        }
        if isWord(word, in: .dutchStreetSuffixes) {
            guard let adjective = previousToken(before: word.start, limit: 12),
                  isWord(adjective, in: .streetAdjectives) else { return nil }
            return adjective.start
        }
        // "laan van meerdervoort": head, "van", optional article, 1–2 name words.
        var k = word.start
        var names = 1
        var vanStart = -1
        while vanStart < 0 {
            guard let previous = previousToken(before: k, limit: 20) else { return nil }
            if isWord(previous, in: .dutchPrepositions) {
                vanStart = previous.start
            } else if isWord(previous, in: .dutchArticles), let van = previousToken(before: previous.start, limit: 3),
                      isWord(van, in: .dutchPrepositions) {
                vanStart = van.start
            } else {
                guard names < 2, isLetterWord(previous.start, previous.end),
                      !isWord(previous, in: .addressStopwords) else { return nil }
                names += 1
                k = previous.start
            }
        }
        guard let head = previousToken(before: vanStart, limit: 12), isWord(head, in: .dutchStreetSuffixes) else {
            return nil
        }
        return head.start
    }

    /// Extends a street word back over "van", "van de(r|n)", "ter", "ten" and one name word
    /// before them: "jan van galenstraat".
    private func extendOverVan(_ streetStart: Int) -> Int {
        guard let previous = previousToken(before: streetStart, limit: 8) else { return streetStart }
        var chain = -1
        if isWord(previous, in: .dutchPrepositions) {
            chain = previous.start
        } else if isWord(previous, in: .dutchArticles), let van = previousToken(before: previous.start, limit: 3),
                  isWord(van, in: .dutchPrepositions) {
            chain = van.start
        }
        guard chain >= 0 else { return streetStart }
        if let name = previousToken(before: chain, limit: 30), isLetterWord(name.start, name.end),
           !isWord(name, in: .addressStopwords) {
            return name.start
        }
        return chain
    }

    // MARK: English

    private func englishAddress(_ r: Int, _ runEnd: Int) -> Int? {
        var j = runEnd
        if ByteClass.isLetter(at(j)) && at(j + 1) == 0x20 { j += 1 }
        guard at(j) == 0x20 else { return nil }
        var k = j
        var words = 0
        while words < 5 {
            guard let token = nextToken(after: k, limit: 24) else { return nil }
            let word = trimmed(token)
            guard word.end > word.start else { return nil }
            words += 1
            if words >= 2 && isWord(word, in: .englishStreetSuffixes) { return word.end }
            let saint = words == 1 && isWord(word, in: .saintWords)
            if !saint {
                guard isLetterWord(word.start, word.end) || isOrdinal(word.start, word.end),
                      !isWord(word, in: .addressStopwords), !isWord(word, in: .countWords),
                      !isWord(word, in: .englishStreetSuffixes) else { return nil }
            }
            guard word.end == token.end || (saint && word.end == token.end - 1 && at(word.end) == UInt8(ascii: ".")) else {
                return nil
            }
            k = token.end
        }
        return nil
    }

    /// "1st", "42nd", "3rd", "5th".
    private func isOrdinal(_ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, end - start <= 5 else { return false }
        for k in start..<(end - 2) where !ByteClass.isDigit(p[k]) { return false }
        return DetectorWordList.ordinalSuffixes.contains(p, end - 2, end)
    }
}

extension DetectorWordList {
    static let dutchStreetSuffixes = DetectorWordList([
        "straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "pad", "steeg", "hof",
        "dreef", "markt", "park", "plantsoen", "wal",
    ])
    /// Compounds ending in a street suffix that name no street.
    static let streetLookalikes = DetectorWordList([
        "onderweg", "snelweg", "autosnelweg", "spoorweg", "supermarkt", "woningmarkt", "huizenmarkt",
        "arbeidsmarkt", "aandelenmarkt", "banenmarkt", "kerstmarkt", "rommelmarkt", "vlooienmarkt",
        "pretpark", "attractiepark", "dierenpark", "vakantiepark", "wagenpark", "gerechtshof",
    ])
    static let streetAdjectives = DetectorWordList([
        "oude", "nieuwe", "grote", "kleine", "lange", "korte", "hoge", "lage", "brede", "smalle",
        "oost", "west", "noord", "zuid", "binnen", "buiten", "achter",
    ])
    static let dutchPrepositions = DetectorWordList(["van", "ter", "ten"])
    static let dutchArticles = DetectorWordList(["de", "der", "den", "het", "'t"])
    static let houseNumberMarkers = DetectorWordList(["nr", "nr.", "no", "no.", "nummer", "huisnummer"])
    static let cityPrefixes = DetectorWordList(["den", "de", "'s", "sint", "st"])
    static let englishStreetSuffixes = DetectorWordList([
        "street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "drive", "dr", "boulevard", "blvd",
        "way", "court", "ct", "place", "pl", "close", "crescent", "terrace", "square",
    ])
    static let saintWords = DetectorWordList(["st", "saint", "mt", "mount"])
    static let ordinalSuffixes = DetectorWordList(["st", "nd", "rd", "th"])

    /// Function words that are never part of a street or city name.
    static let addressStopwords = DetectorWordList([
        "the", "a", "an", "of", "to", "and", "or", "in", "on", "at", "for", "from", "with", "by",
        "my", "your", "his", "her", "our", "their", "its", "this", "that", "these", "those", "is",
        "are", "was", "were", "be", "been", "it", "i", "you", "he", "she", "we", "they", "me", "him",
        "them", "us", "not", "no", "more", "less", "than", "then", "very", "so", "too", "other",
        "go", "went", "into", "near", "past", "via", "down", "up", "over", "off", "out", "supreme",
        "de", "het", "een", "van", "op", "aan", "bij", "uit", "om", "te", "en", "of", "ik", "je",
        "jij", "wij", "zij", "hij", "ze", "mijn", "jouw", "onze", "ons", "hun", "die", "dat", "deze",
        "dit", "wat", "waar", "naar", "naast", "langs", "door", "vanaf", "tot", "woon", "woont",
        "wonen", "live", "lives", "is", "ben", "zijn", "was", "met", "voor", "na", "nog", "al",
    ])
    /// Units and count nouns: a number before them is a quantity, not a house number.
    static let countWords = DetectorWordList([
        "minute", "minutes", "min", "mins", "minuut", "minuten", "hour", "hours", "hr", "hrs", "uur",
        "uren", "second", "seconds", "sec", "secs", "seconden", "day", "days", "dag", "dagen",
        "week", "weeks", "weken", "month", "months", "maand", "maanden", "year", "years", "jaar",
        "jaren", "mile", "miles", "km", "kms", "kilometer", "kilometers", "m", "meter", "meters",
        "metre", "metres", "cm", "mm", "kg", "gram", "foot", "feet", "yard", "yards", "block",
        "blocks", "step", "steps", "time", "times", "keer", "x", "people", "person", "persons",
        "mensen", "personen", "kids", "kinderen", "guys", "percent", "procent", "points", "punten",
        "pts", "euro", "euros", "eur", "dollar", "dollars", "bucks", "lbs", "stuks", "pieces",
        "graden", "degrees", "uitgangen", "exits", "stops", "haltes",
    ])
}
