using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhoneBooking.IvrHost.AgentConsole;
using PhoneBooking.IvrHost.AgentConsole.Incidents;
using PhoneBooking.IvrHost.Voice;

namespace PhoneBooking.IvrHost.Tests.Hosting;

/// <summary>Program.cs shows every feature, each registering and mapping only itself, in any order.</summary>
public sealed class CompositionTests
{
    [Fact]
    public void IncidentBoard_ConsoleAndVoiceInEitherOrder_IsTheConsolesStoredNotice()
    {
        var configuration = new ConfigurationBuilder().Build();
        var voiceFirst = new ServiceCollection().AddVoice(configuration).AddAgentConsole(configuration);
        var consoleFirst = new ServiceCollection().AddAgentConsole(configuration).AddVoice(configuration);

        foreach (var services in new[] { voiceFirst, consoleFirst })
        {
            var board = Assert.Single(services, d => d.ServiceType == typeof(IIncidentBoard));
            Assert.NotNull(board.ImplementationFactory);
            Assert.Contains(services, d => d.ServiceType == typeof(StoredIncidentBoard));
        }
    }

    [Fact]
    public void Routes_EveryPathOfTheRouteTable_IsMappedOnce()
    {
        using var line = new IvrHostFactory();
        var mapped = line.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.Trim('/'))
            .ToList();

        var table = typeof(VoiceRoutes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(VoiceRoute)).Select(f => ((VoiceRoute)f.GetValue(null)!).Path).ToList();

        Assert.Equal(14, table.Count);
        Assert.All(table, path => Assert.Single(mapped, m => m == path));
    }

    [Fact]
    public void LogEvents_EveryEventIdOfTheLine_IsUsedOnce()
    {
        var ids = typeof(VoiceRoutes).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (Method: m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .GroupBy(x => x.Attribute!.EventId)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => $"{x.Method.DeclaringType!.Name}.{x.Method.Name}"))}")
            .ToList();

        Assert.Empty(ids);
    }
}
