/** Asking for a secret on the terminal without showing what is typed. */

export class PromptInterrupted extends Error {}

/** What was typed (or pasted) beyond the end of the last answer: the start of the next one. */
let typedAhead = '';

/** Reads one line from a TTY in raw mode, echoing nothing; Ctrl-C or Ctrl-D aborts. */
export function askHidden(question: string): Promise<string> {
  const input = process.stdin;
  process.stdout.write(question);
  return new Promise((resolve, reject) => {
    let answer = '';
    let listening = false;
    const finish = () => {
      if (listening) {
        input.off('data', onData);
        input.setRawMode(false);
        input.pause();
      }
      process.stdout.write('\n');
    };
    /** Takes characters until the line ends; true when the answer is complete (or aborted). */
    const consume = (text: string): boolean => {
      const chars = [...text];
      for (let i = 0; i < chars.length; i++) {
        const char = chars[i]!;
        if (char === '\r' || char === '\n') {
          typedAhead = chars.slice(char === '\r' && chars[i + 1] === '\n' ? i + 2 : i + 1).join('');
          finish();
          resolve(answer);
          return true;
        }
        if (char === '\u0003' || char === '\u0004') {
          typedAhead = '';
          finish();
          reject(new PromptInterrupted());
          return true;
        }
        answer = char === '\u007f' || char === '\b' ? [...answer].slice(0, -1).join('') : answer + char;
      }
      return false;
    };
    const onData = (chunk: string) => void consume(chunk);
    const earlier = typedAhead;
    typedAhead = '';
    if (consume(earlier)) return;
    listening = true;
    input.setRawMode(true);
    input.setEncoding('utf8');
    input.on('data', onData);
    input.resume();
  });
}
