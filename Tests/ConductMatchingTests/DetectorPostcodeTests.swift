import Testing
@testable import ConductMatching

@Suite struct DetectorPostcodeTests {
    @Test(arguments: [
        "⟦1234ab⟧", "⟦1234 ab⟧", "⟦1234 AB⟧", "postcode: ⟦9999zz⟧.", "(⟦1011 ab⟧)", "⟦1234 ab⟧ amsterdam",
        "⟦1234ab⟧, ⟦5678 cd⟧", "⟦1000 ap⟧", "⟦2019 wx⟧", "⟦1234sb⟧", "⟦1234 fi⟧", "⟦1234we⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.postcode, example)
    }

    @Test(arguments: [
        "1234 sa", "1234sd", "1234 ss", "0123 ab", "12345 ab", "123 ab", "1234abc", "1234 abc", "1234 a",
        "2019 we went", "1500 km", "2000 en 2001", "in 2024 is", "1030am", "1030 pm", "a1234 ab", "12.1234 ab",
        "€1234 ab", "1234 ab2", "1234-ab", "2500ul", "2500 ml", "6570 jiří", "2015 im", "1900 th",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.postcode, example)
    }
}
