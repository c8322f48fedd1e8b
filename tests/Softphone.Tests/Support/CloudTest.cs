using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using PhoneBooking.Softphone.Cloud;
using PhoneBooking.Softphone.Engine;

namespace PhoneBooking.Softphone.Tests.Support;

/// <summary>The line stub, an engine, and the REST stand-in in front of it, with a client authenticated as the line.</summary>
public abstract class CloudTest : EngineTest, IAsyncLifetime
{
    private AnswerPolicy _policy = (_, _) => ValueTask.FromResult(AnswerPlan.Human());

    protected LocalTwilioCloud Cloud { get; private set; } = null!;

    protected HttpClient Rest { get; private set; } = null!;

    protected string CallsUrl => $"/2010-04-01/Accounts/{SoftphoneOptions.LocalAccountSid}/Calls.json";

    /// <summary>Decides how the softphone answers the next calls (the default: a person who listens).</summary>
    protected void Answer(Func<AnswerPlan> plan) => _policy = (_, _) => ValueTask.FromResult(plan());

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        Cloud = await LocalTwilioCloud.StartAsync(Engine, new CloudSettings { AnswerPolicy = (call, ct) => _policy(call, ct) });
        Rest = new HttpClient { BaseAddress = Cloud.BaseUrl };
        Rest.DefaultRequestHeaders.Authorization = Basic(SoftphoneOptions.LocalAccountSid, SoftphoneOptions.LocalAuthToken);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        Rest.Dispose();
        await Cloud.DisposeAsync();
        await DisposeAsync();
    }

    protected static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    protected async Task<(int Status, JsonElement Body)> PostAsync(string path, params (string Name, string Value)[] form)
    {
        using var response = await Rest.PostAsync(path, new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Name, f.Value))));
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    protected async Task<CloudCall> CreateCallAsync(params (string Name, string Value)[] form)
    {
        var (status, body) = await PostAsync(CallsUrl, [("To", "+16135550123"), ("From", "+18005550100"), .. form]);
        Assert.True(status == 201, body.ToString());
        return Cloud.Ledger.FindCall(body.GetProperty("sid").GetString()!)!;
    }
}
