/// Stops the program with `message` unless `condition` holds: the check on an argument a notebook
/// passes (a layer's units, a rate, a length).
///
/// Not `precondition`: notebooks link the optimized engine, where a failed `precondition` stops
/// with no message ("killed by signal 4"); `fatalError` prints it in every build.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
             file: StaticString = #fileID, line: UInt = #line) {
    if !condition() { fatalError(message(), file: file, line: line) }
}
