namespace PhoneBooking.Prompts.Catalog;

/// <summary>A prompt file that cannot be used: start-up stops and says where (file, line, prompt id).</summary>
public sealed class PromptFileException : Exception
{
    public PromptFileException(string file, int line, string? promptId, string problem, Exception? innerException = null)
        : base(Describe(file, line, promptId, problem), innerException)
    {
        File = file;
        Line = line;
        PromptId = promptId;
        Problem = problem;
    }

    public string File { get; }

    public int Line { get; }

    public string? PromptId { get; }

    public string Problem { get; }

    private static string Describe(string file, int line, string? promptId, string problem) =>
        promptId is null ? $"{file}, line {line}: {problem}" : $"{file}, line {line}, prompt '{promptId}': {problem}";
}
