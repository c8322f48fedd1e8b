using PhoneBooking.SchedulingApi.Api;
using PhoneBooking.SchedulingApi.Facilities;
using PhoneBooking.SchedulingApi.Matching;
using PhoneBooking.SchedulingApi.Observability;
using PhoneBooking.SchedulingApi.Storage;
using PhoneBooking.SchedulingApi.Security;

namespace PhoneBooking.SchedulingApi.GroupVisits;

internal sealed record ValidGroupVisit(string FacilityCode, string Pin, int ResidentCount, int StaffCount, IReadOnlyList<DateOnly> PreferredDates, string ContactPhone, string Language);

internal sealed class GroupVisitService(
    IGroupVisitStore visits,
    IFacilityStore facilities,
    FacilityAuthenticator authenticator,
    ResourceOwners owners,
    IUnitOfWork unitOfWork,
    BusinessCalendar calendar,
    MatcherSignal matcher,
    ILogger<GroupVisitService> logger)
{
    private const int ReferenceLength = 6;

    public async Task<IResult> SubmitAsync(ValidGroupVisit input, ApiClient client, CancellationToken cancellationToken)
    {
        var signIn = await authenticator.SignInAsync(input.FacilityCode, input.Pin, client, cancellationToken);
        if (signIn.Facility is not { } facility)
        {
            return signIn.Problem!;
        }

        var visit = new GroupVisit(
            0, Ids.New("gv"), await NewReferenceAsync(cancellationToken), facility.Id, input.ResidentCount, input.StaffCount,
            input.PreferredDates, input.ContactPhone, input.Language, GroupVisitStatus.Queued, null, calendar.Now);
        var seq = await visits.InsertAsync(visit, cancellationToken);
        await owners.RecordAsync(visit.Id, client, cancellationToken);
        var position = await visits.GetQueuePositionAsync(seq, cancellationToken);
        unitOfWork.AfterCommit(() =>
        {
            logger.GroupVisitQueued(visit.Id, facility.Id);
            matcher.Wake();
        });
        return TypedResults.Accepted($"/v1/group-visits/{visit.Id}", new GroupVisitAccepted(visit.Id, visit.Reference, visit.Status, position));
    }

    /// <summary>The visit, if <paramref name="client"/> made it: another client's is not found.</summary>
    public async Task<GroupVisitResponse?> GetAsync(string id, ApiClient client, CancellationToken cancellationToken)
    {
        if (await visits.GetAsync(id, cancellationToken) is not { } visit || !await owners.MayUseAsync(visit.Id, client, cancellationToken))
        {
            return null;
        }

        var facility = await facilities.GetAsync(visit.FacilityId, cancellationToken);
        return new GroupVisitResponse(visit.Id, visit.Reference, visit.Status, visit.VisitDate, facility?.Name ?? "");
    }

    private async Task<string> NewReferenceAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var reference = Ids.Digits(ReferenceLength);
            if (!await visits.ReferenceExistsAsync(reference, cancellationToken))
            {
                return reference;
            }
        }

        throw new InvalidOperationException("Could not find a free group-visit reference in twenty attempts.");
    }
}
