<#import "template.ftl" as layout>
<#-- Buttons take the active theme's classes directly: buttons.ftl exists only in keycloak.v2 and themes built on it. -->
<#-- PIN pad: type the PIN (keyboard only works) or touch the large digit keys; Enter submits. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section="header">
        ${msg("hipaaPinTitle")}
    <#elseif section="form">
        <form id="hipaa-badge-pin-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <label for="pin" class="hipaa-label">${msg("hipaaPinLabel")}</label>
                <span class="${properties.kcInputClass!}">
                    <input id="pin" name="pin" type="password" autocomplete="off" autofocus required
                           maxlength="${hipaaPinMaxLength!12}" <#if hipaaPinDigitsOnly!true>inputmode="numeric" pattern="[0-9]*"</#if>
                           aria-invalid="<#if message?? && message.type = 'error'>true<#else>false</#if>"/>
                </span>
            </div>
            <#assign pinKeyClass = (properties.kcButtonClass!"") + " " + (properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")) + " hipaa-pin-key">
            <div class="hipaa-pin-pad" role="group" aria-label="${msg("hipaaPinPadLabel")}">
                <#list ["1","2","3","4","5","6","7","8","9"] as digit>
                    <button type="button" class="${pinKeyClass}" data-digit="${digit}" aria-label="${msg("hipaaPinDigit", digit)}">${digit}</button>
                </#list>
                <button type="button" class="${pinKeyClass}" data-clear="true">${msg("hipaaPinClear")}</button>
                <button type="button" class="${pinKeyClass}" data-digit="0" aria-label="${msg("hipaaPinDigit", "0")}">0</button>
                <button type="button" class="${pinKeyClass}" data-back="true">${msg("hipaaPinBack")}</button>
            </div>
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-pin-submit" name="login" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}">${msg("doLogIn")}</button>
                </div>
            </div>
        </form>
        <form id="hipaa-other-badge-form" action="${url.loginAction}" method="post">
            <div class="${properties.kcFormGroupClass!}">
                <div class="${properties.kcFormActionGroupClass!(properties.kcFormButtonsClass!"")}">
                    <button id="hipaa-other-badge" name="other-badge" type="submit" class="${properties.kcButtonClass!} ${properties.kcButtonSecondaryClass!(properties.kcButtonDefaultClass!"")} ${properties.kcButtonBlockClass!}">${msg("hipaaOtherBadge")}</button>
                </div>
            </div>
        </form>
        <script>
            document.querySelectorAll(".hipaa-pin-key").forEach(function (key) {
                key.addEventListener("click", function () {
                    var pin = document.getElementById("pin");
                    if (key.dataset.clear) { pin.value = ""; }
                    else if (key.dataset.back) { pin.value = pin.value.slice(0, -1); }
                    else if (pin.value.length < pin.maxLength) { pin.value += key.dataset.digit; }
                    pin.focus();
                });
            });
        </script>
    </#if>
</@layout.registrationLayout>
