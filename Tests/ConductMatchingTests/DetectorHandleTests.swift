import Testing
@testable import ConductMatching

@Suite struct DetectorHandleTests {
    @Test(arguments: [
        "follow ⟦@jan_doe⟧", "⟦@jan_doe⟧.", "(⟦@jan.doe⟧)", "cc: ⟦@a1⟧ and ⟦@b_2⟧", "⟦@jan@mastodon.social⟧",
        "⟦@_x⟧", "hi ⟦@" + String(repeating: "a", count: 30) + "⟧", "\"⟦@jan⟧\"", "⟦@user⟧: hi", "⟦@JanDoe⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.handle, example)
    }

    @Test(arguments: [
        "jan@example.com", "@", "@a", "@2024", "@12345", "medium.com/@user", "x@jan", "@.jan", "@jan-peter",
        "@" + String(repeating: "a", count: 31), "@@jan", "#@jan", "@jan@", "@jan@localhost", "meet @ 5",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.handle, example)
    }
}
