/// Tells every open event stream that the site was rebuilt.
actor ReloadBroadcaster {
    private var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextSubscriber = 0
    /// How many rebuilds there have been; sent as the event id.
    private var generation = 0

    /// A stream of rebuild generations, from the next rebuild on. It ends when the caller stops
    /// listening or `finish()` is called.
    func subscribe() -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    func notify() {
        generation += 1
        for continuation in subscribers.values { continuation.yield(generation) }
    }

    /// Ends every stream, so open connections close and the server can stop.
    func finish() {
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
