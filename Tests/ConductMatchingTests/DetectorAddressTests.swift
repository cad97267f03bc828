import Testing
@testable import ConductMatching

@Suite struct DetectorAddressTests {
    @Test(arguments: [
        // Dutch
        "⟦kerkstraat 12⟧", "ik woon op de ⟦kerkstraat 12⟧.", "⟦kerkstraat 12a⟧", "⟦kerkstraat 12-3⟧",
        "⟦kerkstraat 12-hs⟧", "⟦kerkstraat nr 12⟧", "⟦kerkstraat nr. 12⟧",
        "⟦kerkstraat 12, 1234 ab amsterdam⟧", "⟦kerkstraat 12 1234ab amsterdam⟧", "⟦kerkstraat 12, 1234 ab⟧, nl",
        "⟦dorpsweg 3, 2500 aa den haag⟧", "⟦laan van meerdervoort 5a⟧", "⟦laan van nieuw oost-indie 3⟧",
        "⟦jan van galenstraat 12-3⟧", "⟦burgemeester van der vlugtlaan 2⟧", "naar ⟦van goghstraat 5⟧",
        "⟦oude gracht 12⟧", "⟦grote markt 1⟧", "⟦prinsengracht 263⟧", "⟦keizersgracht 1⟧ en ⟦herengracht 2⟧",
        "⟦stationsplein 1⟧", "⟦nieuwe binnenweg 8⟧", "⟦coolsingel 40⟧", "⟦'s-gravendijkwal 2⟧",
        "⟦kerkstraat 2024, 1234 ab utrecht⟧",
        // English
        "⟦221b baker street⟧", "⟦12 main st⟧.", "⟦10 downing street⟧, london", "⟦1600 pennsylvania avenue⟧",
        "⟦12 st james place⟧", "⟦5 oak ln⟧", "⟦42 elm drive⟧", "⟦7 high road⟧", "⟦3 park lane⟧",
        "⟦100 5th ave⟧", "⟦1 infinite loop way⟧", "⟦99 sunset blvd⟧", "⟦8 castle court⟧", "⟦2 royal crescent⟧",
    ])
    func accepts(_ example: String) {
        DetectorExamples.check(.address, example)
    }

    @Test(arguments: [
        "2 roads diverged in a wood", "the way 2 go", "1 way street", "onderweg 5 minuten", "snelweg 10 km",
        "supermarkt 3 keer", "10 minute drive", "a 24 hour drive", "walked 3 blocks down the street",
        "5 people on the road", "weg 2", "ik ben weg 2 dagen", "kerkstraat", "kerkstraat 0", "kerkstraat 12345",
        "kerkstraat 12:30", "kerkstraat 12%", "kerkstraat 2024", "kerkstraat 12x3", "kerkstraat-12",
        "12 main", "main street 12", "top 10 places", "the 3 roads", "€12 main street", "ik steeg 5 procent",
        "1990 kerstmarkt 2024", "12 street", "laan 5", "van 12 tot 5", "2 the crescent",
    ])
    func rejects(_ example: String) {
        DetectorExamples.check(.address, example)
    }
}
