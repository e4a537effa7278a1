'use strict';
// Reads a local mailbox over POP3 as a mail client would (the launcher's mail server accepts any
// password): every message, oldest first.
const net = require('net');

function messages(port, mailbox) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    socket.setTimeout(5000, () => socket.destroy(new Error('POP3 timed out')));
    const found = [];
    let buffer = '';
    let step = 'greeting';
    let n = 0;
    const send = (line) => socket.write(line + '\r\n');
    socket.on('error', reject);
    socket.on('data', (chunk) => {
      buffer += chunk;
      for (;;) {
        if (step === 'retr') {
          if (buffer.startsWith('-ERR')) {
            send('QUIT');
            socket.end();
            resolve(found);
            return;
          }
          const end = buffer.indexOf('\r\n.\r\n');
          if (!buffer.startsWith('+OK') || end < 0) return;
          const body = buffer.slice(buffer.indexOf('\r\n') + 2, end);
          found.push(body.replace(/\r\n\.\./g, '\r\n.'));
          buffer = buffer.slice(end + 5);
          n += 1;
          send('RETR ' + (n + 1));
          continue;
        }
        const eol = buffer.indexOf('\r\n');
        if (eol < 0) return;
        buffer = buffer.slice(eol + 2);
        if (step === 'greeting') { step = 'user'; send('USER ' + mailbox); }
        else if (step === 'user') { step = 'pass'; send('PASS x'); }
        else if (step === 'pass') { step = 'retr'; send('RETR 1'); }
      }
    });
  });
}

/** The newest six-digit code in the mailbox that was not in `seen`, waiting up to 20 s. */
async function newCode(port, mailbox, seenCount = 0) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const all = await messages(port, mailbox);
    if (all.length > seenCount) {
      const match = all[all.length - 1].match(/\b(\d{6})\b/);
      if (match) return { code: match[1], count: all.length };
    }
    if (Date.now() > deadline) throw new Error('no new code for ' + mailbox + ' within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** The newest message (full text) once there are more than `seenCount`, waiting up to 20 s. */
async function newMessage(port, mailbox, seenCount = 0) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const all = await messages(port, mailbox);
    if (all.length > seenCount) return { text: all[all.length - 1], count: all.length };
    if (Date.now() > deadline) throw new Error('no new message for ' + mailbox + ' within 20 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

module.exports = { messages, newCode, newMessage };
