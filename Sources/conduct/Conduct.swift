import ArgumentParser
import ConductKit

@main
struct Conduct: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conduct",
        abstract: "Classify posts against a community's code of conduct.",
        subcommands: [Normalize.self]
    )
}
