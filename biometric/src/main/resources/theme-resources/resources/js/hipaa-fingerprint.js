// The fingerprint page's WebAuthn request: the tapped user's enrolled keys, user verification required. The
// assertion (or the browser's refusal) is posted back for the server to verify; nothing is decided here.
const form = document.getElementById("hipaa-fingerprint-form");

function fromBase64Url(text) {
    const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - base64.length % 4) % 4));
    return Uint8Array.from(binary, c => c.charCodeAt(0));
}

function toBase64Url(buffer) {
    let binary = "";
    new Uint8Array(buffer).forEach(b => { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function post(fields) {
    for (const [name, value] of Object.entries(fields)) {
        form.elements[name].value = value;
    }
    form.submit();
}

async function askForFingerprint() {
    if (!window.PublicKeyCredential) {
        post({ error: "NotSupportedError" });
        return;
    }
    try {
        const credential = await navigator.credentials.get({
            publicKey: {
                challenge: fromBase64Url(form.dataset.challenge),
                rpId: form.dataset.rpId,
                timeout: Number(form.dataset.timeout),
                userVerification: "required",
                allowCredentials: form.dataset.credentials.split(" ").filter(Boolean)
                    .map(id => ({ type: "public-key", id: fromBase64Url(id) }))
            }
        });
        const response = credential.response;
        post({
            clientDataJSON: toBase64Url(response.clientDataJSON),
            authenticatorData: toBase64Url(response.authenticatorData),
            signature: toBase64Url(response.signature),
            credentialId: toBase64Url(credential.rawId),
            userHandle: response.userHandle ? toBase64Url(response.userHandle) : ""
        });
    } catch (refused) {
        post({ error: refused.name || "Error" });
    }
}

document.getElementById("hipaa-fingerprint-start").addEventListener("click", askForFingerprint);
if (form.dataset.start === "now") {
    askForFingerprint();
}
