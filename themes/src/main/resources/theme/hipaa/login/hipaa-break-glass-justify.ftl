<#import "template.ftl" as layout>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=true; section>
<!-- template: hipaa-break-glass-justify.ftl -->
    <#if section = "header">
        ${msg("hipaaJustifyTitle")}
    <#elseif section = "form">
        <#if openCases?has_content>
            <#assign current = openCases[0]>
            <p>${msg("hipaaJustifyIntro")}</p>
            <dl id="hipaa-justify-case" class="hipaa-case">
                <dt>${msg("hipaaJustifyStarted")}</dt><dd>${current.startedAt}</dd>
                <dt>${msg("hipaaJustifyDue")}</dt><dd>${current.dueAt}</dd>
                <dt>${msg("hipaaBreakGlassReasonCode")}</dt><dd>${current.reasonCode}</dd>
                <dt>${msg("hipaaBreakGlassReason")}</dt><dd id="hipaa-justify-reason">${current.reasonText}</dd>
                <#if current.context?has_content><dt>${msg("hipaaBreakGlassContext")}</dt><dd>${current.context}</dd></#if>
            </dl>
            <form id="hipaa-justify-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post" novalidate="novalidate">
                <input type="hidden" name="caseId" value="${current.id}"/>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="justification" class="pf-v5-c-form__label">${msg("hipaaJustification")}</label>
                    <textarea id="justification" name="justification" class="pf-v5-c-form-control" rows="6" maxlength="4000" required>${justification}</textarea>
                </div>
                <@buttons.actionGroup horizontal=true>
                    <@buttons.button id="kc-submit" name="login" label="hipaaJustifySubmit"/>
                    <#if isAppInitiatedAction??>
                        <@buttons.button id="kc-cancel" label="doCancel" name="cancel-aia" type="secondary"/>
                    </#if>
                </@buttons.actionGroup>
            </form>
        <#else>
            <p id="hipaa-justify-none">${msg("hipaaJustifyNone")}</p>
            <form id="hipaa-justify-done" action="${url.loginAction}" method="post">
                <@buttons.actionGroup horizontal=true>
                    <@buttons.button id="kc-submit" name="login" label="doContinue"/>
                </@buttons.actionGroup>
            </form>
        </#if>
        <#if awaitingReview?has_content>
            <h2 class="hipaa-case__heading">${msg("hipaaJustifyAwaitingReview")}</h2>
            <ul id="hipaa-justify-awaiting">
                <#list awaitingReview as reviewed>
                    <li class="hipaa-justify-awaiting__item"><strong>${reviewed.startedAt} ${reviewed.reasonCode}</strong>: <span class="hipaa-justify-text">${reviewed.justification}</span></li>
                </#list>
            </ul>
        </#if>
    </#if>
</@layout.registrationLayout>
