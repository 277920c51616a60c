import Hummingbird

/// The request context: Hummingbird's core storage plus the client's address for the log line.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public let clientAddress: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
