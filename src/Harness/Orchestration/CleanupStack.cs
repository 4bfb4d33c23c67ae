namespace Harness.Orchestration;

/// <summary>
/// What a run must undo, pushed as each thing is created and undone in reverse order. Every step runs whatever
/// the others did: one that throws is recorded (by its name) and the next one still runs.
/// </summary>
internal sealed class CleanupStack
{
    private readonly Stack<(string Name, Func<Task> Undo)> _steps = new();

    public void Push(string name, Func<Task> undo) => _steps.Push((name, undo));

    public void Push(string name, Action undo) => Push(name, () =>
        {
            undo();
            return Task.CompletedTask;
        });

    /// <returns>One message per step that failed, in the order they ran: "cleanup 'stop service api' failed: ...".</returns>
    public async Task<IReadOnlyList<string>> UnwindAsync()
    {
        var failures = new List<string>();
        while (_steps.TryPop(out var step))
        {
            try
            {
                await step.Undo().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                failures.Add($"cleanup '{step.Name}' failed: {e.GetType().Name}: {e.Message}");
            }
        }
        return failures;
    }
}
