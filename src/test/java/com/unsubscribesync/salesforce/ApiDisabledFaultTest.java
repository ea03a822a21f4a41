package com.unsubscribesync.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import org.junit.jupiter.api.Test;

/** API_CURRENTLY_DISABLED means two things at Salesforce; the message tells the user's missing right from an outage. */
class ApiDisabledFaultTest {

    private static UnexpectedErrorFault fault(ExceptionCode code, String message) {
        UnexpectedErrorFault fault = new UnexpectedErrorFault();
        fault.setExceptionCode(code);
        fault.setExceptionMessage(message);
        return fault;
    }

    @Test
    void aUserWithoutApiEnabledIsARefusalThatNamesTheRightNotARetry() {
        SalesforceException e = FaultClassifier.classify(
                fault(ExceptionCode.API_CURRENTLY_DISABLED, "API is disabled for this User"), "reading Contacts");
        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
        assertThat(e.statusCode()).contains("API_CURRENTLY_DISABLED");
        assertThat(e.getMessage())
                .startsWith("Salesforce refused reading Contacts because the connected user may " + "not use the API")
                .contains("\"API Enabled\"");
        assertThat(FaultClassifier.isApiDisabled(e)).isTrue();
    }

    @Test
    void theSameCodeWithoutThatMessageIsAPassingOutageThatIsRetried() {
        SalesforceException e = FaultClassifier.classify(
                fault(ExceptionCode.API_CURRENTLY_DISABLED, "API is temporarily unavailable"), "reading Contacts");
        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.UNAVAILABLE);
        assertThat(FaultClassifier.isApiDisabled(e)).isFalse();
    }

    @Test
    void anOrgWithoutApiAccessIsARefusalNamingTheEdition() {
        SalesforceException e = FaultClassifier.classify(
                fault(ExceptionCode.API_DISABLED_FOR_ORG, "API is not enabled for this Organization or Partner"),
                "asking who the connected user is");
        assertThat(e.kind()).isEqualTo(SalesforceException.Kind.REFUSED);
        assertThat(e.getMessage()).contains("edition");
        assertThat(FaultClassifier.isApiDisabled(e)).isTrue();
    }
}
