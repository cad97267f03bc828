import Testing
@testable import ConductMatching

@Suite struct DetectorURLTests {
    @Test(arguments: [
        "see ⟦https://example.com/x?a=1#b⟧.", "⟦http://example.com⟧", "(⟦https://en.wikipedia.org/wiki/x_(y)⟧).",
        "⟦ftp://files.example.org/a.txt⟧", "⟦www.example.org/page⟧, ok", "⟦www.example.co.uk⟧",
        "⟦example.com⟧", "⟦shop.nl⟧!", "⟦bit.ly/abc⟧", "⟦t.me/xyz⟧", "⟦example.co.uk:8080/a?b=1⟧",
        "⟦sub.domain.example.nl/path/to⟧?", "\"⟦example.com⟧\"", "go to ⟦example.com⟧, then ⟦shop.nl⟧",
        "⟦nu.nl⟧", "⟦my-shop.eu/sale⟧", "⟦HTTPS://EXAMPLE.COM⟧", "⟦http://localhost:8080/x⟧",
        "⟦https://example.com/a,b⟧;", "⟦https://example.com/x⟧...", "⟦https://x.com⟧'s",
        "👉⟦example.com⟧", "⟦example.be⟧", "⟦dat.is/x⟧", "https:// ⟦example.com⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.url, example)
    }

    @Test(arguments: [
        "index.html", "node.js", "e.g.", "i.e. this", "1.5", "end.the", "readme.md", "file.py", "dat.is",
        "t.me", "www.example", "jan@example.com", "info.nl@example.com", "a_b.com", "x-.com", "https://", "mailto:jan", "12:30", "u.s.", "a.m.", "hello.world", "/path/file.com",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.url, example)
    }
}
