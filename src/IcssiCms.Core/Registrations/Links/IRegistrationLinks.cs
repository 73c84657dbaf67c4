namespace IcssiCms.Core.Registrations.Links;

/// <summary>The links a registration e-mail carries: one confirms the address (and the place), one cancels.</summary>
public interface IRegistrationLinks
{
    Uri Confirm(Guid registrationId);

    Uri Cancel(Guid registrationId);
}
