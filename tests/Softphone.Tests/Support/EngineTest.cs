using PhoneBooking.Softphone.Callers;
using PhoneBooking.Softphone.Calls;
using PhoneBooking.Softphone.Engine;
using PhoneBooking.Softphone.Scripts;

namespace PhoneBooking.Softphone.Tests.Support;

/// <summary>A stub line on real Kestrel and an engine dialling it: the fixture of every engine test.</summary>
public abstract class EngineTest : IAsyncLifetime
{
    protected LineStub Line { get; private set; } = null!;

    protected SoftphoneEngine Engine { get; private set; } = null!;

    protected virtual SoftphoneOptions Options => new() { HoldPacing = TimeSpan.FromMilliseconds(10) };

    public async Task InitializeAsync()
    {
        Line = await LineStub.StartAsync();
        Engine = new SoftphoneEngine(Options);
    }

    public async Task DisposeAsync()
    {
        Engine.Dispose();
        await Line.DisposeAsync();
    }

    protected DialRequest Call(string path = "/voice") => new() { VoiceUrl = Line.Url(path) };

    protected Task<ScriptRun> RunAsync(CallScript script, DialRequest? request = null) => Engine.RunScriptAsync(request ?? Call(), script);

    /// <summary>Dials with someone who only listens; returns the call and what they heard.</summary>
    protected async Task<(CallResult Call, IReadOnlyList<string> Heard)> ListenAsync(DialRequest? request = null)
    {
        var listener = new ListeningCaller();
        var call = await Engine.DialAsync(request ?? Call(), listener);
        return (call, listener.Heard);
    }
}
