/// Whether layers run as in training: Keras's `training=True`, which `fit` sets around each step.
///
/// Dropout layers drop only in training; everywhere else (a plain call, `predict`, `evaluate`)
/// they pass their input through. A custom training loop sets it around its forward pass:
/// `LearningPhase.$isTraining.withValue(true) { valueWithGradient(of: model) { ... } }`.
public enum LearningPhase {
    @TaskLocal public static var isTraining = false
}
