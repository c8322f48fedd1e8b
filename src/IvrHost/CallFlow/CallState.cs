namespace PhoneBooking.IvrHost.CallFlow;

/// <summary>Where a call is. The graph between these lives in <see cref="CallFlowDefinition"/>.</summary>
public enum CallState
{
    Language,
    CheckBackend,
    SystemDown,
    Resume,
    MainMenu,

    // Booking: who
    BirthDate,
    ConfirmBirthDate,
    AfterBirthDate,
    VerifyCaller,
    RefuseResume,
    ResumeStatus,
    CheckEligibility,
    NotEligible,
    NoDateYet,
    SaveReminder,

    // Booking: when
    SamePreferences,
    PreferenceDay,
    PreferenceDate,
    ConfirmPreferenceDate,
    PreferenceTime,
    CountPreferences,
    MorePreferences,
    AfterPreferences,

    // Booking: how to reach them, then the offer
    WaitChoice,
    AfterWaitChoice,
    ChoosePhone,
    ConfirmPhone,
    EnterPhone,
    AfterPhone,
    SubmitRequest,
    AfterSubmit,
    AlreadyRequested,
    DeferBooking,
    SaveDeferredRequest,
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
    AfterManageCode,
    LookupBooking,
    ManageFound,
    ConfirmCancel,
    CancelBooking,
    ManageDone,

    // Retirement homes
    FacilityCode,
    AfterFacilityCode,
    Residents,
    Staff,
    ConfirmCounts,
    GroupDate,
    ConfirmGroupDate,
    CountGroupDates,
    MoreGroupDates,
    FacilityPin,
    VerifyFacility,
    FacilityRetry,
    SubmitGroupVisit,
    GroupSubmitted,

    // The line is full (Admission): a call back when it has room
    LineBusy,
    SaveBusyCallback,

    // Ends
    Agent,
    Goodbye,
    OfferKept,
    Voicemail,
    TooManyCalls,
}
