<#import "template.ftl" as layout>
<#-- Buttons take the active theme's classes directly: buttons.ftl exists only in keycloak.v2 and themes built on it. -->
<#-- Enrolment after a full sign-in: tap the new badge (if none is bound yet) and choose a PIN. -->
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('badge','pin','pin-confirm'); section>
    <#if section="header">
        ${msg("hipaaEnrolTitle")}
    <#elseif section="form">
        <form id="hipaa-badge-enrol-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <#if hipaaNeedsBadge!true>
                <div class="${properties.kcFormGroupClass!}">
                    <label for="badge" class="hipaa-label">${msg("hipaaBadgeLabel")}</label>
                    <p id="badge-help" class="hipaa-hint">${msg("hipaaBadgeHelp")}</p>
                    <span class="${properties.kcInputClass!}">
                        <input id="badge" name="badge" type="password" autocomplete="off" autofocus required
                               aria-describedby="badge-help<#if messagesPerField.existsError('badge')> input-error-badge</#if>"
                               aria-invalid="${messagesPerField.existsError('badge')?c}"/>
                    </span>
                    <#if messagesPerField.existsError('badge')>
                        <span id="input-error-badge" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('badge'))?no_esc}</span>
                    </#if>
                </div>
            </#if>
            <div class="${properties.kcFormGroupClass!}">
                <label for="pin" class="hipaa-label">${msg("hipaaNewPinLabel")}</label>
                <p id="pin-help" class="hipaa-hint">${msg("hipaaPinRules", hipaaPinMinLength!6)}</p>
                <span class="${properties.kcInputClass!}">
                    <input id="pin" name="pin" type="password" autocomplete="new-password" inputmode="numeric" required
                           <#if !(hipaaNeedsBadge!true)>autofocus</#if>
                           aria-describedby="pin-help<#if messagesPerField.existsError('pin')> input-error-pin</#if>"
                           aria-invalid="${messagesPerField.existsError('pin')?c}"/>
                </span>
                <#if messagesPerField.existsError('pin')>
                    <span id="input-error-pin" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('pin'))?no_esc}</span>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <label for="pin-confirm" class="hipaa-label">${msg("hipaaConfirmPinLabel")}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="pin-confirm" name="pin-confirm" type="password" autocomplete="new-password" inputmode="numeric" required
                           aria-invalid="${messagesPerField.existsError('pin-confirm')?c}"
                           <#if messagesPerField.existsError('pin-confirm')>aria-describedby="input-error-pin-confirm"</#if>/>
                </span>
                <#if messagesPerField.existsError('pin-confirm')>
                    <span id="input-error-pin-confirm" class="${properties.kcInputErrorMessageClass!}" aria-live="polite">${kcSanitize(messagesPerField.get('pin-confirm'))?no_esc}</span>
                </#if>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-enrol-submit" name="enrol" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("hipaaEnrolSubmit")}</button>
                </div>
            </div>
        </form>
    </#if>
</@layout.registrationLayout>
