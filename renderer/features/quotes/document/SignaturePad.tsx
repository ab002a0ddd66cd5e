import { useRef, useState, type PointerEvent } from 'react';
import { signatureProblem, type SignatureInput, type SignatureMethod } from '../../../../shared/quotes/quoteSignature';
import { TextField } from '../../common/TextField';
import { ErrorNotice } from '../../common/ErrorNotice';

const WIDTH = 600;
const HEIGHT = 200;

export interface SignaturePadProps {
  /** Stores the signature; rejects with the reason when it cannot. */
  onSign(input: SignatureInput): Promise<void>;
}

/**
 * The customer signs on the laptop: with a pointer, a pen or a finger on the canvas, or, for
 * whoever cannot draw (keyboard only, screen reader), by typing their name, which is a signature
 * of its own method. Either way their name is typed too, so the copy names the signer.
 */
export function SignaturePad({ onSign }: SignaturePadProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const [name, setName] = useState('');
  const [method, setMethod] = useState<SignatureMethod>('drawn');
  const [drawn, setDrawn] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    return [((event.clientX - box.left) * WIDTH) / box.width, ((event.clientY - box.top) * HEIGHT) / box.height];
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    context.lineWidth = 3;
    context.lineCap = 'round';
    context.lineJoin = 'round';
    context.strokeStyle = '#102a43';
    context.beginPath();
    context.moveTo(...pointAt(event));
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const context = event.currentTarget.getContext('2d');
    if (!context) return;
    context.lineTo(...pointAt(event));
    context.stroke();
    setDrawn(true);
  };
  const end = () => {
    drawing.current = false;
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext('2d')?.clearRect(0, 0, WIDTH, HEIGHT);
    setDrawn(false);
  };

  const sign = async () => {
    const image = method === 'drawn' && drawn ? canvas.current?.toDataURL('image/png') : undefined;
    const input: SignatureInput = { signerName: name, method, ...(image === undefined ? {} : { image }) };
    const found = signatureProblem(input);
    setProblem(found);
    if (found !== null) return;
    setBusy(true);
    try {
      await onSign(input);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="signature-pad">
      <TextField
        id="signer-name"
        label="Signer's name"
        value={name}
        onChange={setName}
        hint="The customer's full name, as it appears on the copy"
      />
      <fieldset className="field">
        <legend className="field-label">How the customer signs</legend>
        <label>
          <input type="radio" name="signature-method" checked={method === 'drawn'} onChange={() => setMethod('drawn')} /> Draw the signature
        </label>{' '}
        <label>
          <input type="radio" name="signature-method" checked={method === 'typed'} onChange={() => setMethod('typed')} /> Type the name
          instead
        </label>
      </fieldset>
      {method === 'drawn' ? (
        <>
          <canvas
            ref={canvas}
            width={WIDTH}
            height={HEIGHT}
            className="signature-canvas"
            aria-label="Signature drawing area: sign here with the mouse, a pen or a finger"
            role="img"
            style={{ touchAction: 'none', border: '1px solid #829ab1', width: '100%', maxWidth: WIDTH, background: '#fff' }}
            onPointerDown={start}
            onPointerMove={move}
            onPointerUp={end}
            onPointerCancel={end}
          />
          <p className="muted" role="status">
            {drawn ? 'Signature drawn.' : 'Nothing drawn yet.'}
          </p>
          <button type="button" className="button" onClick={clear} disabled={!drawn}>
            Clear drawing
          </button>
        </>
      ) : (
        <p className="muted">The typed name is the signature; the copy says it was signed by typing it.</p>
      )}
      {problem ? <ErrorNotice>{problem}</ErrorNotice> : null}
      <div className="screen-actions">
        <button type="button" className="button button--primary" onClick={() => void sign()} disabled={busy}>
          Sign quote
        </button>
      </div>
    </div>
  );
}
