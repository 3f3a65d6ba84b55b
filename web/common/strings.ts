import type { Lang } from '../../shared/messages.ts';

/**
 * The words both pages say alike, Vietnamese first: signing in (web/common/sign-in.html) and a
 * call that got no answer. Each page's catalogue takes these in, so a page has one catalogue.
 */
export const COMMON_TEXT = {
  skip: { vi: 'Bỏ qua đến nội dung chính', en: 'Skip to main content' },
  signInTitle: { vi: 'Đăng nhập', en: 'Sign in' },
  token: { vi: 'Mã truy cập (token)', en: 'Access token' },
  remember: { vi: 'Ghi nhớ trên máy này', en: 'Remember on this computer' },
  tokenHint: {
    vi: 'Mã chỉ được gửi tới máy chủ GNBV này. Không chọn “Ghi nhớ” thì mã bị xoá khi đóng trình duyệt.',
    en: 'The token is sent only to this GNBV server. Unless you tick “Remember”, it is forgotten when the browser closes.',
  },
  signIn: { vi: 'Đăng nhập', en: 'Sign in' },
  signingIn: { vi: 'Đang đăng nhập…', en: 'Signing in…' },
  signOut: { vi: 'Đăng xuất', en: 'Sign out' },
  tokenRequired: { vi: 'Hãy nhập mã truy cập.', en: 'Enter your access token.' },
  network: {
    vi: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    en: 'Could not reach the server. Check the network and try again.',
  },
  timeout: {
    vi: 'Máy chủ không trả lời (đã chờ quá lâu). Kiểm tra mạng rồi bấm Thử lại.',
    en: 'The server did not answer in time. Check the network and press Try again.',
  },
  tryAgain: { vi: 'Thử lại', en: 'Try again' },
} as const satisfies Record<string, Record<Lang, string>>;
