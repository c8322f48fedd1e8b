namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Where a call is. The graph between these lives in <see cref="CallFlowDefinition"/>.</summary>
public enum CallState
{
    Language,
    CheckBackend,
    SystemDown,
    Resume,
    MainMenu,

    // Booking
    BirthDate,
    ConfirmBirthDate,
    CheckEligibility,
    NotEligible,
    SaveReminder,
    SamePreferences,
    PreferenceDay,
    PreferenceDate,
    PreferenceTime,
    CountPreferences,
    MorePreferences,
    ChoosePhone,
    ConfirmPhone,
    EnterPhone,
    SubmitRequest,
    DeferBooking,
    SaveDeferredRequest,
    WaitChoice,
    SaveOfferCallback,
    Waiting,
    CheckStatus,
    StartHold,
    Offer,
    AcceptOffer,
    DeclineOffer,
    Booked,
    SendSms,

    // Check or cancel
    ManageCode,
    LookupBooking,
    ManageFound,
    ConfirmCancel,
    CancelBooking,

    // Retirement homes
    FacilityCode,
    FacilityPin,
    VerifyFacility,
    Residents,
    StaffQuestion,
    Staff,
    ConfirmCounts,
    GroupDate,
    CountGroupDates,
    MoreGroupDates,
    SubmitGroupVisit,
    GroupSubmitted,

    // Ends
    Agent,
    Goodbye,
    Voicemail,
}
