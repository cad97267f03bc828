import Testing
@testable import ConductMatching

@Suite struct DetectorEmailTests {
    @Test(arguments: [
        "mail ⟦jan@example.com⟧", "⟦jan.de-vries+post@example.co.uk⟧.", "⟦j_a%n@sub.example-shop.nl⟧",
        "<⟦jan@example.org⟧>", "mailto:⟦jan@example.org⟧", "(⟦jan@example.org⟧)", "see...⟦jan@x.nl⟧",
        "⟦jan@example.com⟧, ⟦piet@example.nl⟧", "⟦JAN@EXAMPLE.COM⟧", "⟦1234@example.com⟧", "⟦a@b.co⟧",
        "@piet ⟦jan@example.com⟧", "https://⟦user@example.com⟧/x", "jan..⟦x@example.com⟧",
    ])
    func acceptsAddresses(_ example: String) {
        DetectorExamples.check(.email, example)
    }

    @Test(arguments: [
        "jan@localhost", "jan@example.c", "jan@example.com2", "@example.com", "jan@",
        "jan.@example.com", "jan@-example.com", "jan@example-.com", "jan@example..com", "jan@.example.com",
        "@jan", "me @ home", "a@b", "x@1.2", String(repeating: "a", count: 65) + "@example.com",
    ])
    func rejectsAddresses(_ example: String) {
        DetectorExamples.check(.email, example)
    }

    @Test(arguments: [
        "⟦jan at example dot com⟧", "mail ⟦jan [at] example [dot] nl⟧!", "⟦jan(at)example(dot)com⟧",
        "⟦jan (at) example (dot) com⟧", "⟦jan {at} example {dot} org⟧", "⟦jan at example.com⟧",
        "⟦jan @ example.com⟧", "⟦jan apenstaartje example punt nl⟧", "⟦jan[at]example[dot]nl⟧",
        "⟦jan.de.vries at example dot co dot uk⟧", "⟦jan at example dot com⟧ dot", "⟦jan at mail . example . com⟧",
        "⟦jan at example dot com⟧ of ⟦piet at example dot nl⟧", "⟦info at my-shop dot nl⟧",
        "⟦jan at example punt nl⟧", "⟦jan at example [dot] com⟧", "mail: ⟦piet at example.nl⟧",
        "(⟦kees at example.com⟧)", "mail naar ⟦jan at example.nl⟧", "⟦jan_2 at example.com⟧",
        "contact ⟦jan at example.com⟧", "per month ⟦jan at example dot com⟧",
    ])
    func acceptsSpelledOutAddresses(_ example: String) {
        DetectorExamples.check(.email, example)
    }

    @Test(arguments: [
        "look at this dot", "i laughed at the dot com bubble", "meet me at home dot com", "at example dot com",
        "stare at it dot com", "jan at example dot", "jan at example dot unknowntld", "jan at x dot com",
        "jan at example", "we are at the example dot com", "jan at at at dot dot", "jan (at example dot com",
        "jan at example.", "jan atexample dot com", "janat example dot com", "jan at example dotcom",
        "ik zit op school at home", "apenstaartje punt nl", "making $3,000 per month at shop.com",
        "i am blogging at blog.example.com", "lingerie at www.example.com", "jan at www.example.com",
    ])
    func rejectsSpelledOutProse(_ example: String) {
        DetectorExamples.check(.email, example)
    }
}
