// Twilio's official Node helper as a second opinion for Twilio.Tests (NodeSecondOpinion.cs calls this).
// stdin:  { "validate": [{token,url,params,signature}], "sign": [{token,url,params}], "twiml": ["case", ...] }
// stdout: { "validate": [bool], "sign": [signature], "twiml": { "case": "<?xml ...>" } }
"use strict";
const twilio = require("twilio");
const VoiceResponse = twilio.twiml.VoiceResponse;

// The same documents are built with our C# writer in SecondOpinion/NodeSecondOpinionTests.cs; keep the two in step.
const twimlCases = {
  "say-ssml": () => {
    const response = new VoiceResponse();
    const say = response.say({ voice: "Polly.Chantal", language: "fr-CA", loop: 2 }, "Votre code est");
    say.break({ strength: "medium", time: "500ms" });
    say.sayAs({ "interpret-as": "spell-out" }, "AB12");
    say.addText(" le ");
    say.sayAs({ "interpret-as": "date", format: "yyyymmdd" }, "20261123");
    say.prosody({ volume: "loud", rate: "slow", pitch: "low" }, "Écoutez bien.");
    say.emphasis({ level: "strong" }, "important");
    say.p("Un paragraphe.");
    say.s("Une phrase.");
    return response;
  },
  "gather-menu": () => {
    const response = new VoiceResponse();
    const gather = response.gather({
      input: "dtmf speech",
      action: "/voice/menu?step=1&lang=en",
      method: "POST",
      timeout: 8,
      speechTimeout: "auto",
      finishOnKey: "#",
      numDigits: 1,
      language: "en-CA",
      hints: "book, cancel, agent",
      actionOnEmptyResult: true,
    });
    gather.say({ language: "en-CA" }, "Press 1 to book, 2 to hear a booking, 0 for a person.");
    gather.pause({ length: 1 });
    gather.play({ loop: 1 }, "https://cdn.example.test/tone.mp3");
    response.redirect({ method: "POST" }, "/voice/menu?retry=1");
    return response;
  },
  "queue-and-dial": () => {
    const response = new VoiceResponse();
    response.enqueue(
      { action: "/voice/queue/left", method: "POST", waitUrl: "/voice/queue/wait", waitUrlMethod: "GET" },
      "agents");
    response.leave();
    const dial = response.dial({ action: "/voice/dial-done", method: "POST", timeout: 20, callerId: "+15145550199", record: "do-not-record" });
    dial.number({ sendDigits: "ww1", url: "/voice/whisper", method: "GET" }, "+15145550100");
    dial.queue({ url: "/voice/agent-whisper" }, "agents");
    dial.client({}, "agent-7");
    dial.sip({ username: "desk", password: "s3cret" }, "sip:desk@pbx.example.test");
    response.pause({ length: 2 });
    response.play({ loop: 0 }, "https://cdn.example.test/hold.mp3");
    response.hangup();
    response.reject({ reason: "busy" });
    return response;
  },
  "escaping": () => {
    const response = new VoiceResponse();
    response.say("Tom & Jerry <say> \"quoted\" 'single' > done — élan");
    response.redirect("/voice/next?a=1&b=<2>");
    return response;
  },
};

function main(input) {
  const request = JSON.parse(input);
  const output = { validate: [], sign: [], twiml: {} };
  for (const v of request.validate || []) {
    output.validate.push(twilio.validateRequest(v.token, v.signature, v.url, v.params || {}));
  }
  for (const s of request.sign || []) {
    output.sign.push(twilio.getExpectedTwilioSignature(s.token, s.url, s.params || {}));
  }
  for (const name of request.twiml || []) {
    const build = twimlCases[name];
    if (!build) {
      throw new Error(`unknown TwiML case '${name}'`);
    }
    output.twiml[name] = build().toString();
  }
  process.stdout.write(JSON.stringify(output));
}

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => main(input));
