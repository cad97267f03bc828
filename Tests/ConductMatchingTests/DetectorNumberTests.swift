import Testing
@testable import ConductMatching

@Suite struct DetectorNumberTests {
    @Test(arguments: [
        "⟦20⟧", "⟦3.5⟧", "⟦1.234,56⟧", "$⟦1,234,567.00⟧", "€⟦15⟧", "⟦20⟧% off", "⟦10⟧k", "⟦3⟧.",
        "⟦1.299⟧,-", "⟦192.168.1.1⟧", "⟦2024⟧-⟦01⟧-⟦05⟧", "⟦12⟧:⟦30⟧", "-⟦5⟧", "⟦1⟧ ⟦2⟧ ⟦3⟧", "(⟦42⟧)",
        "⟦06⟧-⟦12345678⟧", "⟦1⟧..⟦5⟧", "⟦3⟧,", "⟦1,000,000⟧", "⟦0⟧", "x ⟦" + String(repeating: "9", count: 40) + "⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.number, example)
    }

    @Test(arguments: ["covid19", "v2", "save20", "nl91abna0417164300", "user_123", "mp3", "a4", "no digits"])
    func rejectsDigitsGluedToAWord(_ example: String) {
        DetectorExamples.check(.number, example)
    }

    @Test(arguments: [
        // HTML character references
        "&#8221;", "&#39;", "&#x27;", "&#x2f;", "quote&#8221;s", "&#39;&#39;",
        // ordinals, English and Dutch
        "5th", "21st", "2nd", "3rd", "100th", "1st.", "4th-floor", "1ste", "3de", "10de", "(2nd)", "1,000th",
    ])
    func rejectsEntitiesAndOrdinals(_ example: String) {
        DetectorExamples.check(.number, example)
    }

    @Test(arguments: [
        "&⟦39⟧;", "#⟦39⟧;", "&#⟦39⟧", "&# ⟦39⟧;", "&#⟦39.5⟧;", "⟦5⟧e", "⟦5⟧ th", "⟦5⟧the",
        "⟦2⟧nds", "⟦3⟧rds", "⟦1⟧st2", "⟦5⟧stes", "⟦21⟧ st", "⟦10⟧ de", "⟦2⟧d", "⟦5⟧t",
    ])
    func acceptsLookAlikesOfEntitiesAndOrdinals(_ example: String) {
        DetectorExamples.check(.number, example)
    }
}
