<#import "template.ftl" as layout>
<#-- Buttons take the active theme's classes directly (buttons.ftl exists only in keycloak.v2 and themes built on it); pf-v5-u-flex-nowrap is inert elsewhere. -->
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
                    <label for="justification" class="${properties.kcLabelClass!}">${msg("hipaaJustification")}</label>
                    <textarea id="justification" name="justification" class="${properties.kcInputClass!}" rows="6" maxlength="4000" required>${justification}</textarea>
                </div>
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")} pf-v5-u-flex-nowrap">
                        <button id="kc-submit" name="login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("hipaaJustifySubmit")}</button>
                        <#if isAppInitiatedAction??>
                            <button id="kc-cancel" name="cancel-aia" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")} ${properties.kcButtonBlockClass!}">${msg("doCancel")}</button>
                        </#if>
                    </div>
                </div>
            </form>
        <#else>
            <p id="hipaa-justify-none">${msg("hipaaJustifyNone")}</p>
            <form id="hipaa-justify-done" action="${url.loginAction}" method="post">
                <div class="${properties.kcFormGroupClass!}">
                    <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")} pf-v5-u-flex-nowrap">
                        <button id="kc-submit" name="login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doContinue")}</button>
                    </div>
                </div>
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
